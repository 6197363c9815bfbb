/*
 * Suggestions under the search box as the patient types: the ARIA 1.2 combobox pattern with a
 * list box. Without this script the search box is a plain form that works the same way.
 * Keys: Down and Up move through the suggestions, Enter opens the highlighted one, Escape
 * closes the list. Pointer users click a suggestion. A status message tells screen readers how
 * many suggestions there are. Its words come from the page (data-suggest-* attributes, in the
 * page's language); a page not yet in that language is marked with its own and says so.
 */
(function () {
    "use strict";

    var DELAY = 150;
    var MIN_LENGTH = 2;
    var counter = 0;

    function enhance(input) {
        var url = input.getAttribute("data-suggest-url");
        var words = {
            label: input.getAttribute("data-suggest-label") || "Suggestions",
            one: input.getAttribute("data-suggest-one") ||
                "1 suggestion available. Use the up and down arrow keys to choose one.",
            many: input.getAttribute("data-suggest-many") ||
                "{count} suggestions available. Use the up and down arrow keys to choose one."
        };
        var id = input.id || "search-" + (counter += 1);
        var listbox = document.createElement("ul");
        var status = document.createElement("p");
        var options = [];
        var active = -1;
        var timer = null;
        var latest = 0;

        listbox.id = id + "-suggestions";
        listbox.className = "suggestions";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", words.label);
        listbox.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);
        input.parentNode.appendChild(listbox);
        input.parentNode.appendChild(status);
        input.parentNode.classList.add("has-suggestions");

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(results) {
            listbox.textContent = "";
            options = results.map(function (result, i) {
                var option = document.createElement("li");
                var title = document.createElement("span");
                var kind = document.createElement("span");
                option.id = listbox.id + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", result.url);
                title.className = "suggestions__title";
                if (result.lang && result.lang !== document.documentElement.lang) {
                    var name = document.createElement("span");
                    name.lang = result.lang;
                    name.textContent = result.title;
                    title.appendChild(name);
                } else {
                    title.textContent = result.title;
                }
                if (result.note) {
                    title.appendChild(document.createTextNode(" " + result.note));
                }
                kind.className = "suggestions__type";
                kind.textContent = result.type;
                option.appendChild(title);
                option.appendChild(kind);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep focus in the box until we navigate
                    window.location.href = result.url;
                });
                listbox.appendChild(option);
                return option;
            });
            active = -1;
            if (options.length) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = options.length === 1 ? words.one :
                    words.many.replace("{count}", String(options.length));
            } else {
                close();
                status.textContent = "";
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            var request = (latest += 1);
            if (query.length < MIN_LENGTH) {
                show([]);
                return;
            }
            fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) {
                    if (request === latest && document.activeElement === input) {
                        show(data.results || []);
                    }
                })
                .catch(function () { show([]); });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                if (listbox.hidden) {
                    fetchSuggestions();
                } else if (options.length) {
                    event.preventDefault();
                    highlight((active + 1) % options.length);
                }
            } else if (event.key === "ArrowUp") {
                if (options.length && !listbox.hidden) {
                    event.preventDefault();
                    highlight(active <= 0 ? options.length - 1 : active - 1);
                }
            } else if (event.key === "Enter") {
                if (active >= 0 && !listbox.hidden) {
                    event.preventDefault();
                    window.location.href = options[active].getAttribute("data-url");
                }
            } else if (event.key === "Escape") {
                if (!listbox.hidden) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 100);
        });
    }

    document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
