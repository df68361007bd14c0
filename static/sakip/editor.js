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
  // A live figure ({{ nilai:… }}) from the list under the editor, inserted where the caret was.
  let caret = null;
  const remember = () => {
    const selection = window.getSelection();
    if (selection.rangeCount && editor.contains(selection.anchorNode)) caret = selection.getRangeAt(0).cloneRange();
  };
  ["keyup", "mouseup", "input"].forEach((name) => editor.addEventListener(name, remember));
  document.querySelectorAll("[data-sisip]").forEach((button) => {
    button.addEventListener("click", () => {
      editor.focus();
      if (caret) {
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(caret);
      }
      document.execCommand("insertText", false, button.dataset.sisip);
      dirty = true;
      remember();
    });
  });
  form.addEventListener("submit", () => {
    field.value = editor.innerHTML;
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
})();
