// The procedure list with JavaScript: a "Compare" box by each procedure, and a tray of those
// chosen that leads to the comparison. The choice is kept in this page's own address
// (?compare=a,b), so it survives a reload or the back button, with no cookie or storage.
(function () {
    "use strict";
    var template = document.getElementById("compare-tray");
    var list = document.querySelector(".a-to-z");
    if (!template || !list || !window.URLSearchParams || !window.history.replaceState) {
        return;
    }
    var MAX = 4;
    var texts = template.dataset;
    var tray = template.content.firstElementChild.cloneNode(true);
    var chosenList = tray.querySelector(".compare-tray__list");
    var status = tray.querySelector(".compare-tray__status");
    var go = tray.querySelector("a");
    var base = go.getAttribute("href");
    var chosen = [];
    var entries = {};

    list.querySelectorAll(".a-to-z__list > li:not(.a-to-z__alias) > a").forEach(function (link) {
        var slug = link.getAttribute("href").replace(/\/$/, "").split("/").pop();
        var title = link.textContent.trim();
        var label = document.createElement("label");
        var box = document.createElement("input");
        label.className = "compare-toggle";
        box.type = "checkbox";
        box.value = slug;
        box.setAttribute("aria-label", texts.label.replace("{title}", title));
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + texts.toggle));
        link.parentNode.appendChild(label);
        entries[slug] = { box: box, title: title };
        box.addEventListener("change", function () {
            chosen = chosen.filter(function (other) { return other !== slug; });
            if (box.checked) {
                chosen.push(slug);
            }
            update();
        });
    });

    function update() {
        chosenList.textContent = "";
        chosen.forEach(function (slug) {
            var item = document.createElement("li");
            item.textContent = entries[slug].title;
            chosenList.appendChild(item);
        });
        Object.keys(entries).forEach(function (slug) {
            var entry = entries[slug];
            entry.box.checked = chosen.indexOf(slug) !== -1;
            entry.box.disabled = !entry.box.checked && chosen.length >= MAX;
        });
        tray.hidden = chosen.length === 0;
        status.textContent = chosen.length === 1 ? texts.one : chosen.length >= MAX ? texts.full : "";
        go.hidden = chosen.length < 2;
        go.href = base + "?" + chosen.map(function (slug) {
            return "p=" + encodeURIComponent(slug);
        }).join("&");
        var address = new URL(window.location.href);
        if (chosen.length) {
            address.searchParams.set("compare", chosen.join(","));
        } else {
            address.searchParams.delete("compare");
        }
        window.history.replaceState(window.history.state, "", address);
    }

    // While the tray is stuck to the bottom of the window, the page keeps that much room free
    // there (site.css: scroll-padding-bottom), so that the browser scrolls what has the focus
    // above the tray, not under it; the box just ticked, too, when the tray appears or grows.
    function makeRoom() {
        var stuck = !tray.hidden && window.getComputedStyle(tray).position === "sticky";
        var root = document.documentElement.style;
        if (stuck) {
            root.setProperty("--compare-tray-room", tray.offsetHeight + 12 + "px");  // and the ring
        } else {
            root.removeProperty("--compare-tray-room");
        }
        if (list.contains(document.activeElement)) {
            document.activeElement.scrollIntoView({ block: "nearest" });
        }
    }

    tray.querySelector(".compare-tray__clear").addEventListener("click", function () {
        chosen = [];
        update();
    });
    var kept = new URLSearchParams(window.location.search).get("compare") || "";
    chosen = kept.split(",").filter(function (slug, index, all) {
        return entries[slug] && all.indexOf(slug) === index;
    }).slice(0, MAX);
    list.parentNode.insertBefore(tray, list.nextSibling);
    if (window.ResizeObserver) {
        new window.ResizeObserver(makeRoom).observe(tray);
    }
    update();
})();
