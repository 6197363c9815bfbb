// The page editor (Wagtail 8.0): a review action from its footer (Approve, Request changes…)
// reaches the server once.
//
// Wagtail's workflow-action.js puts the action into the edit form as hidden inputs, then lets
// the form submit. The form's unsaved-changes check reads those inputs as an edit and, about a
// second later, autosave posts the whole form again, action included, while the server is
// still answering the first post. The server then acted twice: an approval published the page
// and the late copy put the draft back (home/page_changes.py now refuses such a copy).
//
// So: once the action is in the form, autosave stops, and an autosave already waiting for its
// turn is called off. Its "w-autosave:save" event may be cancelled:
// Wagtail's autosave checks it again just before it sends.
(() => {
  const form = document.querySelector("form[data-edit-form][data-controller~='w-autosave']");
  if (!form) return;
  let waiting = null; // the latest autosave, which may not have been sent yet
  let sending = false;

  const stopAutosave = () => {
    sending = true;
    form.setAttribute("data-w-autosave-active-value", "false");
    if (waiting) waiting.preventDefault();
  };

  form.addEventListener("w-autosave:save", (event) => {
    if (sending) event.preventDefault();
    else waiting = event;
  });
  new MutationObserver(() => {
    if (form.querySelector("input[name='action-workflow-action']")) stopAutosave();
  }).observe(form, { childList: true });
})();
