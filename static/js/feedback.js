/*
 * "Was this page helpful?": sends the answer without leaving the page. Without this script the
 * form posts as usual and the reader lands on a thank-you page.
 *
 * On success the form is replaced by the thank-you, which takes focus so that keyboard and
 * screen-reader users hear it and are not left on a control that is gone. If the answer is
 * refused, the reason is shown (and announced) above the button and nothing typed is lost.
 */
(function () {
    "use strict";

    function enhance(form) {
        var error = form.querySelector(".feedback__error");
        var button = form.querySelector('button[type="submit"]');

        function showError(message) {
            error.textContent = message;
            error.hidden = false;
        }

        function thank(message) {
            var thanks = document.createElement("p");
            thanks.className = "feedback__thanks";
            thanks.setAttribute("tabindex", "-1");
            thanks.textContent = message;
            form.replaceWith(thanks);
            thanks.focus();
        }

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            error.hidden = true;
            button.disabled = true;
            fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                credentials: "omit",
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    return response.json().then(function (data) {
                        if (response.ok) {
                            thank(data.message);
                        } else {
                            showError(data.error);
                        }
                    });
                })
                .catch(function () {
                    showError("Sorry, your answer could not be sent. Please try again.");
                })
                .finally(function () {
                    button.disabled = false;
                });
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll("form[data-feedback]"), enhance);
})();
