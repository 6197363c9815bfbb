"""
Moving through a page in Chromium with the keyboard: what has the focus, and Tab pressed until
an element is reached, every stop on the way showing its focus.
"""

FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
    const onTop = document.elementFromPoint(x, y);
    return {
        tag: el.tagName,
        text: (el.innerText || el.textContent || "").trim().replace(/\\s+/g, " "),
        // Where a link leads, as a path (some lists link relative to their page).
        href: el.href ? (el.href.startsWith("http") ? el.pathname + el.search + el.hash : el.href) : null,
        id: el.id,
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        inViewport: box.bottom > 0 && box.top < innerHeight && box.width > 0 && box.height > 0,
        unobscured: onTop !== null && (onTop === el || el.contains(onTop) || onTop.contains(el)),
    };
}"""


def focus_state(page):
    return page.evaluate(FOCUS_STATE)


def assert_focus_visible(state):
    assert state["outline"] or state["shadow"], f"no visible focus on {state}"
    assert state["inViewport"], f"focused element is off screen: {state}"
    assert state["unobscured"], f"focused element is hidden behind something: {state}"


def tab_to(page, matches, limit=200):
    """Press Tab until the focused element matches; every stop on the way shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state["tag"] != "BODY":
            assert_focus_visible(state)
        if matches(state):
            return state
    raise AssertionError("never reached the element with the keyboard")
