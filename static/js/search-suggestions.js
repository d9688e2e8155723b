/*
 * Suggestions under a search box as the reader types: the ARIA 1.2 combobox pattern ("list
 * autocomplete with manual selection"). Without this script the box is a plain search box.
 *
 * - From the second letter typed, a few names the site knows are listed under the box, asked
 *   from the server after a short pause so typing is never slowed down.
 * - Down and Up move through them while focus stays in the box (aria-activedescendant names
 *   the chosen one); Enter searches for the chosen name, or for what was typed if none is
 *   chosen; Escape closes the list and keeps what was typed; Tab moves on and closes it.
 * - A click or tap on a name searches for it.
 * - Screen readers hear how many suggestions there are, through a polite status message.
 */
(function () {
    "use strict";

    var PAUSE = 250; // ms after the last key before asking for suggestions
    var MIN_TYPED = 2;

    function enhance(input) {
        var form = input.form;
        var url = input.getAttribute("data-suggestions");
        var listId = input.id + "-suggestions";

        var box = document.createElement("div");
        box.className = "suggest";
        input.parentNode.insertBefore(box, input);
        box.appendChild(input);

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "suggest__list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        box.appendChild(list);

        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        box.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var active = -1;
        var timer = null;
        var request = null;

        function options() {
            return list.querySelectorAll('[role="option"]');
        }

        function setActive(index) {
            Array.prototype.forEach.call(options(), function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                var option = options()[index];
                input.setAttribute("aria-activedescendant", option.id);
                option.scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function open() {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            setActive(-1);
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function show(names) {
            close();
            list.textContent = "";
            names.forEach(function (name, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "suggest__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = name;
                list.appendChild(option);
            });
            if (names.length) {
                open();
                status.textContent =
                    names.length +
                    (names.length === 1 ? " suggestion" : " suggestions") +
                    ". Use the up and down arrow keys to choose.";
            } else {
                status.textContent = "";
            }
        }

        function ask() {
            var typed = input.value.trim();
            if (request) {
                request.abort();
                request = null;
            }
            if (typed.length < MIN_TYPED) {
                show([]);
                return;
            }
            request = new AbortController();
            fetch(url + "?" + new URLSearchParams({ query: typed }), {
                signal: request.signal,
                credentials: "omit",
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    // Only if nothing was typed since, and the reader is still in the box.
                    if (input.value.trim() === typed && document.activeElement === input) {
                        show(data.suggestions || []);
                    }
                })
                .catch(function () {
                    // Aborted, or the network failed: the box still searches as typed.
                });
        }

        function choose(index) {
            input.value = options()[index].textContent;
            close();
            if (form.requestSubmit) {
                form.requestSubmit();
            } else {
                form.submit();
            }
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(ask, PAUSE);
        });

        input.addEventListener("keydown", function (event) {
            var count = options().length;
            switch (event.key) {
                case "ArrowDown":
                case "Down":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (list.hidden) {
                        open();
                        if (!event.altKey) {
                            setActive(0);
                        }
                    } else {
                        setActive((active + 1) % count);
                    }
                    break;
                case "ArrowUp":
                case "Up":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (list.hidden) {
                        open();
                    }
                    setActive(active <= 0 ? count - 1 : active - 1);
                    break;
                case "Enter":
                    if (!list.hidden && active >= 0) {
                        event.preventDefault();
                        choose(active);
                    }
                    break;
                case "Escape":
                case "Esc":
                    if (!list.hidden) {
                        event.preventDefault(); // keeps what was typed (a search box clears it)
                        close();
                    }
                    break;
                case "Tab":
                    close();
                    break;
            }
        });

        // A press on a suggestion keeps focus in the box; the click that follows chooses it.
        list.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        list.addEventListener("click", function (event) {
            var option = event.target.closest('[role="option"]');
            if (option) {
                choose(Array.prototype.indexOf.call(options(), option));
            }
        });
        input.addEventListener("blur", close);
    }

    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggestions]"), enhance);
})();
