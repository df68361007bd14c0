// A small rich-text editor for document narratives: the browser's contenteditable with a toolbar.
// What is kept is decided on the server (nh3); here we only copy the HTML into the form on submit.
(function () {
  const editor = document.getElementById("editor");
  const field = document.getElementById("id_isi");
  const form = document.getElementById("narasi-form");
  if (!editor || !field || !form) return;
  document.execCommand("defaultParagraphSeparator", false, "p");
  document.querySelectorAll("[data-cmd]").forEach((button) => {
    button.addEventListener("click", () => {
      editor.focus();
      document.execCommand(button.dataset.cmd, false, null);
    });
  });
  let dirty = false;
  editor.addEventListener("input", () => { dirty = true; });
  form.addEventListener("submit", () => {
    field.value = editor.innerHTML;
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
})();
