from django import forms

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    query = forms.CharField(
        label="Search",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": "Please use %(limit_value)d characters or fewer.",
            "null_characters_not_allowed": "Your search has a character we cannot use.",
        },
    )
