from tests.factories import TreatmentSideEffectFactory


def test_treatment_page_lists_its_side_effect(client, db):
    link = TreatmentSideEffectFactory(side_effect__title="Nausea")

    response = client.get(link.treatment.url)

    assert response.status_code == 200
    assert "Nausea" in response.content.decode()
