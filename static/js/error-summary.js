/*
 * The error summary (GOV.UK's pattern; templates/components/error_summary.html). When a form
 * comes back with mistakes, focus moves to the summary, so a screen reader reads it at once and
 * the keyboard starts from it. Each of its links moves focus to its field, scrolled so that the
 * field's label (or its group's legend) and its error message show above it, not cut off at
 * the top of the screen as a plain jump to the field leaves them.
 */
(function () {
    "use strict";

    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }

    // What names the field: the legend of its group of radios or checkboxes, or of the
    // fieldset around it when that fits on the screen with it; otherwise its label.
    function captionOf(input) {
        var fieldset = input.closest("fieldset");
        var legend = fieldset && fieldset.querySelector("legend");
        if (legend) {
            if (input.type === "radio" || input.type === "checkbox") {
                return legend;
            }
            var legendTop = legend.getBoundingClientRect().top;
            var inputBottom = input.getBoundingClientRect().bottom;
            if (inputBottom - legendTop < window.innerHeight / 2) {
                return legend;
            }
        }
        return document.querySelector("label[for='" + input.id + "']") || input.closest("label");
    }

    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var input = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!input) {
            return;
        }
        event.preventDefault();
        var caption = captionOf(input);
        if (caption) {
            caption.scrollIntoView();
            input.focus({ preventScroll: true });
        } else {
            input.focus();
        }
    });

    summary.focus();
})();
