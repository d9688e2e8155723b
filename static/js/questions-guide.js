/*
 * "Questions to ask your healthcare provider": show only the questions about the treatments
 * the patient chooses. Without this script every treatment's questions are shown (and
 * printed). With it, the choices appear, the questions follow them as they change, and a
 * status message tells screen reader users what is shown. Hidden questions are not printed.
 * Nothing is sent anywhere and nothing is stored.
 */
(function () {
    "use strict";

    var guide = document.querySelector("[data-questions-guide]");
    var choices = guide && guide.querySelector("[data-choose-treatments]");
    if (!choices) {
        return;
    }
    var boxes = Array.prototype.slice.call(choices.querySelectorAll("input[type=checkbox]"));
    var status = guide.querySelector("[data-guide-status]");
    var noneChosen = guide.querySelector("[data-none-chosen]");
    var printButton = guide.querySelector("[data-print]");

    function labelOf(box) {
        return choices.querySelector("label[for='" + box.id + "']").textContent.trim();
    }

    function show() {
        var chosen = boxes.filter(function (box) {
            document.getElementById(box.value).hidden = !box.checked;
            return box.checked;
        });
        noneChosen.hidden = chosen.length > 0;
        return chosen;
    }

    choices.addEventListener("change", function () {
        var chosen = show();
        status.textContent = chosen.length
            ? "Showing questions about " + chosen.map(labelOf).join(", ") + "."
            : "No treatment chosen: only the questions about any treatment are shown.";
    });
    printButton.addEventListener("click", function () {
        window.print();
    });

    choices.hidden = false;
    printButton.hidden = false;
    show(); // the browser may have kept choices from an earlier visit to this page
})();
