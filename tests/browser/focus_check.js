// Loaded into each page by tests/browser/test_focus.py. After each Tab, focusCheck.step() looks
// at the element that has the focus (is anything drawn over it?) and at the one that had it
// (now unfocused, so the change focus made can be measured: WCAG 2.4.11 and 2.4.7).
window.focusCheck = (function () {
    "use strict";
    var previous = null;

    function colour(text) {
        var parts = (text || "").match(/[\d.]+/g);
        if (!/^rgba?\(/.test(text || "") || !parts) {
            return null;
        }
        return parts.slice(0, 3).map(Number).concat(parts.length > 3 ? Number(parts[3]) : 1);
    }

    function over(top, below) {
        var alpha = top[3];
        return [0, 1, 2].map(function (i) { return top[i] * alpha + below[i] * (1 - alpha); })
            .concat(1);
    }

    function luminance(rgb) {
        var channels = rgb.slice(0, 3).map(function (value) {
            var c = value / 255;
            return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    function contrast(a, b) {
        var la = luminance(a);
        var lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    // The colours an element's own box may show (a gradient gives several), over what is behind.
    function backgrounds(element) {
        var layers = [];
        var base = null;
        for (var node = element; node && node.nodeType === 1 && !base; node = node.parentElement) {
            var style = getComputedStyle(node);
            var stops = (style.backgroundImage.match(/rgba?\([^)]*\)/g) || []).map(colour);
            if (stops.length && /gradient/.test(style.backgroundImage)) {
                base = stops;
                break;
            }
            var own = colour(style.backgroundColor);
            if (own && own[3] >= 1) {
                base = [own];
            } else if (own && own[3] > 0) {
                layers.push(own);
            }
        }
        base = base || [[255, 255, 255, 1]];  // the canvas
        return base.map(function (bottom) {
            return layers.reduceRight(function (below, layer) { return over(layer, below); }, bottom);
        });
    }

    function shadows(text) {
        if (!text || text === "none") {
            return [];
        }
        return text.split(/,(?![^(]*\))/).map(function (layer) {
            var found = layer.match(/rgba?\([^)]*\)/);
            var lengths = layer.replace(/rgba?\([^)]*\)/, "").match(/-?[\d.]+px/g).map(parseFloat);
            var inset = /inset/.test(layer);
            var thickness = Math.max(Math.abs(lengths[0]), Math.abs(lengths[1]), 0) + (lengths[3] || 0);
            return { key: layer.trim(), colour: colour(found && found[0]), inset: inset, thickness: thickness };
        });
    }

    function looks(element) {
        var style = getComputedStyle(element);
        return {
            outline: style.outlineStyle === "none" ? null : {
                width: parseFloat(style.outlineWidth),
                colour: colour(style.outlineColor),
                offset: parseFloat(style.outlineOffset),
            },
            shadows: shadows(style.boxShadow),
            background: backgrounds(element),
            borders: ["Top", "Right", "Bottom", "Left"].map(function (side) {
                return { width: parseFloat(style["border" + side + "Width"]), colour: colour(style["border" + side + "Color"]) };
            }),
        };
    }

    function worst(colours, others) {
        var lowest = Infinity;
        colours.forEach(function (a) {
            others.forEach(function (b) { lowest = Math.min(lowest, contrast(a, b)); });
        });
        return lowest;
    }

    // The strongest change focus made that is at least 2 px thick, as a contrast ratio between
    // the same pixels unfocused and focused (1 when nothing visible changed).
    function change(element, focused, unfocused) {
        var around = backgrounds(element.parentElement || element);
        var best = 1;
        var how = "nothing";
        function consider(ratio, what) {
            if (ratio > best) {
                best = ratio;
                how = what;
            }
        }
        var ring = focused.outline;
        if (ring && ring.width >= 2 && ring.colour && ring.colour[3] > 0
            && JSON.stringify(ring) !== JSON.stringify(unfocused.outline)) {
            var under = ring.offset >= 0 ? around : unfocused.background;
            consider(worst(under.map(function (b) { return over(ring.colour, b); }), under), "outline");
        }
        var before = unfocused.shadows.map(function (layer) { return layer.key; });
        focused.shadows.forEach(function (layer) {
            if (layer.thickness >= 2 && layer.colour && before.indexOf(layer.key) === -1) {
                var under = layer.inset ? unfocused.background : around;
                consider(worst(under.map(function (b) { return over(layer.colour, b); }), under), "box-shadow");
            }
        });
        consider(worst(focused.background, unfocused.background), "background");
        focused.borders.forEach(function (border, side) {
            var was = unfocused.borders[side];
            if (border.width >= 2 && border.colour && was.colour) {
                var under = unfocused.background;
                consider(worst([over(border.colour, under[0])], [over(was.colour, under[0])]), "border");
            }
        });
        return { contrast: Math.round(best * 100) / 100, how: how };
    }

    function describe(element) {
        var text = (element.getAttribute("aria-label") || element.textContent || element.value || "")
            .replace(/\s+/g, " ").trim().slice(0, 40);
        return element.tagName.toLowerCase() + (element.className && typeof element.className === "string"
            ? "." + element.className.trim().split(/\s+/).join(".") : "") + ' "' + text + '"';
    }

    // Points of each box the element draws (each line of a link that wraps) that are on screen,
    // and how many of them something else covers.
    function coverage(element) {
        var width = document.documentElement.clientWidth;
        var height = window.innerHeight;
        var seen = 0;
        var covered = [];
        Array.prototype.forEach.call(element.getClientRects(), function (box) {
            if (box.width < 1 || box.height < 1) {
                return;
            }
            // A quarter in from the edges: inside rounded corners too.
            var xs = [box.left + box.width / 4, box.left + box.width / 2, box.right - box.width / 4];
            var ys = [box.top + box.height / 4, box.top + box.height / 2, box.bottom - box.height / 4];
            xs.forEach(function (x) {
                ys.forEach(function (y) {
                    if (x < 0 || y < 0 || x >= width || y >= height) {
                        return;
                    }
                    seen += 1;
                    var hit = document.elementFromPoint(x, y);
                    if (hit && hit !== element && !element.contains(hit)) {
                        covered.push(describe(hit));
                    }
                });
            });
        });
        return { points: seen, covered: covered.length, by: covered[0] || null };
    }

    // Whether the focus is on a procedure's Compare box to tick, while fewer than n are.
    function toTick(n) {
        return document.activeElement.matches(".compare-toggle input:not(:checked)")
            && document.querySelectorAll(".compare-toggle input:checked").length < n;
    }

    // After the page has drawn what a key changed (the compare tray appearing and making room).
    function drawn() {
        return new Promise(function (done) {
            requestAnimationFrame(function () { requestAnimationFrame(done); });
        });
    }

    function step() {
        var element = document.activeElement;
        var result = { element: null, previous: null };
        if (previous && previous.element !== element) {
            result.previous = {
                name: previous.name,
                change: change(previous.element, previous.looks, looks(previous.element)),
            };
        }
        if (element && element !== document.body && element !== document.documentElement) {
            previous = { element: element, name: describe(element), looks: looks(element) };
            result.element = { name: previous.name, coverage: coverage(element) };
        } else {
            previous = null;
        }
        return result;
    }

    return { step: step, toTick: toTick, drawn: drawn };
})();
