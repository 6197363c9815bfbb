// On a phone the main menu starts closed behind a "Menu" button, so the page's own title
// shows without scrolling. Wider screens, and browsers without JavaScript, show it open.
(function () {
    "use strict";
    var button = document.querySelector(".menu-toggle");
    var nav = document.getElementById("main-nav");
    if (!button || !nav) {
        return;
    }
    var narrow = window.matchMedia("(max-width: 47.99rem)");

    function setOpen(open) {
        nav.classList.toggle("main-nav--closed", !open);
        button.setAttribute("aria-expanded", String(open));
    }

    function fitScreen() {
        button.hidden = !narrow.matches;
        setOpen(!narrow.matches);
    }

    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Esc on the button or in the open phone menu closes it, and focus goes back to the button
    // (not in the search box, whose Esc closes its suggestions).
    [button, nav].forEach(function (element) {
        element.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
                setOpen(false);
                button.focus();
            }
        });
    });
    narrow.addEventListener("change", fitScreen);
    fitScreen();
    // From here on the menu's state is this script's (see site.css: before it ran, the CSS
    // showed a phone the closed menu).
    button.classList.add("menu-toggle--ready");
    nav.classList.add("main-nav--ready");
})();
