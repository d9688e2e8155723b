from tests.factories import TreatmentPageFactory


def test_patient_reads_a_treatment_page_in_chromium(page, live_server):
    treatment = TreatmentPageFactory(title="Plasma exchange")

    page.goto(live_server.url + treatment.url)

    assert page.locator("h1").inner_text() == "Plasma exchange"
