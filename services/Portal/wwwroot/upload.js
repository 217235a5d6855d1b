// Sends the file with a progress bar; without script the form posts as usual.
(function () {
  const form = document.getElementById('upload');
  if (!form || !window.XMLHttpRequest) return;
  form.addEventListener('submit', event => {
    event.preventDefault();
    const progress = document.getElementById('upload-progress');
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', e => {
      if (e.lengthComputable) { progress.hidden = false; progress.value = Math.round(100 * e.loaded / e.total); }
    });
    // A redirect means the file is kept; otherwise the answer is this page again with what was wrong.
    request.addEventListener('load', () => {
      if (!request.responseURL.includes('handler=')) { window.location.assign(request.responseURL); return; }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.send(new FormData(form));
  });
})();
