/*
 * "My relapse treatment history": the worksheet without limits. The page works without this
 * script (a few blank entries to fill in and print); with it:
 * - "Add another relapse" adds a blank entry and moves focus to its first field;
 * - "Remove" takes an entry away (after asking, if something is filled in) and moves focus to
 *   the heading of the entry before it, or after it if it was the first;
 * - screen readers hear what happened through a status message;
 * - the browser warns before the page is left, only if something is filled in;
 * - "Print this worksheet" opens the Print window.
 * Nothing is sent anywhere and nothing is stored.
 */
(function () {
    "use strict";

    var worksheet = document.querySelector("[data-relapse-worksheet]");
    if (!worksheet) {
        return;
    }
    var list = worksheet.querySelector("[data-relapse-entries]");
    var addButton = worksheet.querySelector("[data-add-relapse]");
    var printButton = worksheet.querySelector("[data-print]");
    var status = worksheet.querySelector("[data-worksheet-status]");
    var FIELDS = "input, select, textarea";
    var NAMED = ["id", "for", "name", "aria-labelledby", "aria-describedby"];
    var lastNumber = list.children.length; // ids only ever count up, so they stay unique

    function entries() {
        return Array.prototype.slice.call(list.querySelectorAll("[data-relapse-entry]"));
    }

    function isFilledIn(field) {
        if (field.type === "radio" || field.type === "checkbox") {
            return field.checked;
        }
        return field.value.trim() !== "";
    }

    function hasAnswers(element) {
        return Array.prototype.some.call(element.querySelectorAll(FIELDS), isFilledIn);
    }

    function announce(message) {
        status.textContent = message;
    }

    // Entries are numbered 1, 2, 3... in order; only one entry cannot be removed.
    function renumber() {
        var all = entries();
        all.forEach(function (entry, index) {
            entry.querySelectorAll("[data-entry-number]").forEach(function (number) {
                number.textContent = index + 1;
            });
            entry.querySelector("[data-remove-relapse]").hidden = all.length === 1;
        });
    }

    function blankCopyOf(entry) {
        lastNumber += 1;
        var copy = entry.cloneNode(true);
        var prefix = new RegExp("^relapse-" + entry.getAttribute("data-relapse-entry") + "-");
        var wanted = "relapse-" + lastNumber + "-";
        copy.setAttribute("data-relapse-entry", lastNumber);
        [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*"))).forEach(function (element) {
            NAMED.forEach(function (name) {
                var value = element.getAttribute(name);
                if (value) {
                    element.setAttribute(name, value.split(" ").map(function (token) {
                        return token.replace(prefix, wanted);
                    }).join(" "));
                }
            });
        });
        copy.querySelectorAll(FIELDS).forEach(function (field) {
            if (field.type === "radio" || field.type === "checkbox") {
                field.checked = false;
            } else if (field.tagName === "SELECT") {
                field.selectedIndex = 0;
            } else {
                field.value = "";
            }
        });
        return copy;
    }

    function add() {
        var all = entries();
        var copy = blankCopyOf(all[all.length - 1]);
        list.appendChild(copy);
        renumber();
        copy.querySelector(FIELDS).focus();
        announce("Relapse " + (all.length + 1) + " added.");
    }

    function remove(entry) {
        var all = entries();
        var position = all.indexOf(entry);
        if (hasAnswers(entry) && !window.confirm("Remove relapse " + (position + 1) + " and what you wrote in it?")) {
            return;
        }
        var next = all[position - 1] || all[position + 1];
        entry.remove();
        renumber();
        next.querySelector("h2").focus();
        announce("Relapse " + (position + 1) + " removed. " + (all.length - 1) + " left.");
    }

    addButton.addEventListener("click", add);
    list.addEventListener("click", function (event) {
        var button = event.target.closest("[data-remove-relapse]");
        if (button) {
            remove(button.closest("[data-relapse-entry]"));
        }
    });
    printButton.addEventListener("click", function () {
        window.print();
    });
    window.addEventListener("beforeunload", function (event) {
        if (hasAnswers(list)) {
            event.preventDefault();
            event.returnValue = ""; // older browsers ask only when this is set
        }
    });

    addButton.hidden = false;
    printButton.hidden = false;
    renumber();
})();
