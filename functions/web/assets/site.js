// Live results for the forms marked data-live: as the visitor types or picks, the page the
// form would load is fetched and its results region swapped in, and the address updated so
// that it stays shareable. Without this script the forms submit as usual.
(function () {
  "use strict";
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function live(form) {
    var target = document.getElementById(form.getAttribute("data-live"));
    if (!target) return;
    var timer = 0;
    var latest = 0;
    function refresh() {
      var query = new URLSearchParams(new FormData(form)).toString();
      var url = form.getAttribute("action").split("#")[0] + (query ? "?" + query : "");
      var ticket = ++latest;
      target.setAttribute("aria-busy", "true");
      fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (text) {
          if (ticket !== latest) return;
          var page = new DOMParser().parseFromString(text, "text/html");
          var fresh = page.getElementById(target.id);
          // A page without this form's results (an error of the site, not of the form):
          // show it as it is, as a browser without this script would.
          if (!fresh) { window.location.assign(url); return; }
          var errors = page.querySelector("form[data-live] .alert");
          var shown = form.querySelector(".alert");
          if (shown) shown.remove();
          if (errors) form.insertBefore(document.importNode(errors, true), form.children[1] || null);
          target.replaceChildren.apply(target, Array.prototype.map.call(fresh.childNodes, function (node) {
            return document.importNode(node, true);
          }));
          document.title = page.title;
          history.replaceState(null, "", url);
          var summary = target.querySelector("[data-live-summary]");
          status.textContent = summary ? summary.textContent.trim() : "";
        })
        .catch(function () { /* the submit button still works */ })
        .then(function () { if (ticket === latest) target.removeAttribute("aria-busy"); });
    }
    function soon() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    }
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-live]"), live);
})();
