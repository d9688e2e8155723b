/*
 * MS relapse treatments: small enhancements. Every page works without this script.
 *
 * Glossary definitions (marked in the text by glossary/marking.py):
 * - a mouse pointer over the word opens its definition, and it stays open while the pointer
 *   is over the word or the definition (so the text can be read at any zoom);
 * - keyboard focus on the word opens it, and it stays open until focus leaves;
 * - on a touch screen the first tap on a word opens its definition and the second tap on the
 *   same word follows the link to the term's page, as touch browsers do with hover menus;
 *   a tap anywhere else closes it;
 * - Escape closes it without moving the pointer or focus (WCAG 1.4.13);
 * - it is moved sideways, or above the word, so it stays inside the window on a phone;
 * - screen readers hear it through the link's aria-describedby, open or not.
 *
 * Also: "Back to top" stays in a corner on long pages once the reader has scrolled, and printed
 * links show their full address.
 */
(function () {
    "use strict";

    var root = document.documentElement;
    root.classList.add("js");

    /* Glossary definitions ---------------------------------------------------------------- */

    var EDGE = 8; // px kept free between a definition and the window's edge
    var openTerm = null;

    function definitionOf(term) {
        return term.querySelector(".glossary-term__definition");
    }

    function place(term) {
        term.classList.remove("is-above");
        term.style.setProperty("--glossary-shift", "0px");
        var box = definitionOf(term).getBoundingClientRect();
        var width = root.clientWidth;
        var shift = 0;
        if (box.right > width - EDGE) {
            shift = width - EDGE - box.right;
        }
        if (box.left + shift < EDGE) {
            shift = EDGE - box.left;
        }
        term.style.setProperty("--glossary-shift", shift + "px");
        // Below the word, unless it does not fit there and fits better above.
        var word = term.getBoundingClientRect();
        var roomBelow = window.innerHeight - word.bottom - EDGE;
        var roomAbove = word.top - EDGE;
        if (box.height > roomBelow && roomAbove > roomBelow && roomAbove >= 0) {
            term.classList.add("is-above");
        }
    }

    function open(term) {
        if (openTerm && openTerm !== term) {
            close(openTerm);
        }
        openTerm = term;
        term.classList.add("is-open");
        place(term);
    }

    function close(term) {
        term.classList.remove("is-open", "is-above");
        term.style.removeProperty("--glossary-shift");
        if (openTerm === term) {
            openTerm = null;
        }
    }

    function enhance(term) {
        var link = term.querySelector(".glossary-term__link");
        if (!link || !definitionOf(term)) {
            return;
        }
        var closeTimer = null;
        var pointer = ""; // how the current click started: "mouse", "touch", "pen" or "" (keys)
        var wasOpen = false; // whether the definition was open when that click started

        term.addEventListener("pointerenter", function (event) {
            if (event.pointerType === "mouse") {
                clearTimeout(closeTimer);
                open(term);
            }
        });
        term.addEventListener("pointerleave", function (event) {
            if (event.pointerType === "mouse") {
                closeTimer = setTimeout(function () {
                    if (document.activeElement !== link) {
                        close(term);
                    }
                }, 300);
            }
        });
        link.addEventListener("focus", function () {
            open(term);
        });
        link.addEventListener("blur", function () {
            if (!term.matches(":hover")) {
                close(term);
            }
        });
        link.addEventListener("pointerdown", function (event) {
            pointer = event.pointerType;
            wasOpen = term.classList.contains("is-open");
        });
        link.addEventListener("click", function (event) {
            var tapped = pointer === "touch" || pointer === "pen";
            pointer = "";
            if (tapped && !wasOpen) {
                event.preventDefault(); // first tap: show the definition, stay on the page
                open(term);
            }
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll(".glossary-term"), enhance);

    document.addEventListener("keydown", function (event) {
        if (openTerm && (event.key === "Escape" || event.key === "Esc")) {
            close(openTerm);
        }
    });
    document.addEventListener("pointerdown", function (event) {
        if (openTerm && !openTerm.contains(event.target)) {
            close(openTerm);
        }
    });
    function placeOpenTerm() {
        if (openTerm) {
            place(openTerm);
        }
    }
    window.addEventListener("resize", placeOpenTerm);
    window.addEventListener("scroll", placeOpenTerm, { passive: true });

    /* "Back to top" on long pages --------------------------------------------------------- */

    var backToTop = document.querySelector(".back-to-top");
    var header = document.querySelector(".site-header");
    if (backToTop && header && "IntersectionObserver" in window) {
        new IntersectionObserver(function (entries) {
            var scrolledPast = !entries[0].isIntersecting;
            var isLong = root.scrollHeight > 2.5 * window.innerHeight;
            backToTop.classList.toggle("back-to-top--floating", scrolledPast && isLong);
        }).observe(header);
    }

    /* Full addresses for printed links ---------------------------------------------------- */

    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (link) {
        var href = link.getAttribute("href");
        if (href.charAt(0) !== "#" && !/^[a-z][a-z0-9+.-]*:/i.test(href)) {
            link.setAttribute("data-print-href", link.href);
        }
    });
})();
