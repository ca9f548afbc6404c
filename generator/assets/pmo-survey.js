/* The self-assessment form: one part at a time with a list of the parts, display rules,
 * progress kept in the browser, live results, a review of what is unanswered, and response
 * files saved and loaded. Runs only on pages that embed #pmo-survey-data (made by
 * generator/outputs/site/survey.py); scoring lives in pmo-score.js, YAML in the bundled js-yaml.
 * Nothing is sent anywhere: the page works from a file server or offline. Without this
 * script every part shows at once, as it does when printed.
 */
(function () {
  "use strict";

  var ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
  // as generator/models/common.py: names Windows refuses, whatever the extension
  var RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$/i;
  var ABOUT_LABELS = {
    organisation: "Organisation id", round: "Assessment round", respondent: "Your respondent id"
  };

  function start() {
    var source = document.getElementById("pmo-survey-data");
    if (!source) return;
    var data = JSON.parse(source.textContent);
    new Survey(data).init();
  }

  function Survey(data) {
    this.data = data;
    this.questions = {};
    var self = this;
    data.questions.forEach(function (q) { self.questions[q.id] = q; });
    this.single = data.views.length === 1;
    this.key = "pmo-survey:" + data.id + ":" + String(data.version).split(".")[0];
    this.state = emptyState();
    this.undo = null;
    this.storageWorks = true;
  }

  function emptyState() {
    return { about: {}, answers: {}, extras: {}, saved: null, step: null };
  }

  Survey.prototype.init = function () {
    this.restore();
    this.fromAddress();
    this.bind();
    this.fill();
    this.steps();
    this.update();
  };

  /* ---- state: local storage and the page address ---------------------------------------- */

  Survey.prototype.restore = function () {
    try {
      var text = window.localStorage.getItem(this.key);
      if (text) {
        var saved = JSON.parse(text);
        this.state = {
          about: saved.about || {}, answers: saved.answers || {}, extras: saved.extras || {},
          saved: saved.saved || null, step: saved.step || null
        };
      }
    } catch (error) {
      this.storageWorks = false;
    }
  };

  Survey.prototype.store = function () {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.state));
      this.storageWorks = true;
    } catch (error) {
      this.storageWorks = false;
    }
  };

  /* A link such as ?organisation=example-co&round=2026-h1&respondent=r07 fills in the details. */
  Survey.prototype.fromAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var self = this;
    var names = { organisation: ["organisation", "org"], round: ["round"],
                  respondent: ["respondent"], role: ["role"] };
    Object.keys(names).forEach(function (field) {
      names[field].forEach(function (name) {
        var value = params.get(name);
        if (value) self.state.about[field] = value;
      });
    });
  };

  /* ---- the page ------------------------------------------------------------------------- */

  Survey.prototype.bind = function () {
    var self = this;
    document.querySelectorAll("[data-answer]").forEach(function (input) {
      var event = input.type === "radio" ? "change" : "input";
      input.addEventListener(event, function () {
        var id = input.getAttribute("data-answer"), view = input.getAttribute("data-view");
        var value = input.value;
        var mine = self.state.answers[id] || (self.state.answers[id] = {});
        if (value === "") delete mine[view]; else mine[view] = value;
        self.changed();
      });
    });
    document.querySelectorAll("[data-extra]").forEach(function (input) {
      input.addEventListener("input", function () {
        var id = input.getAttribute("data-question"), kind = input.getAttribute("data-extra");
        var mine = self.state.extras[id] || (self.state.extras[id] = {});
        if (input.value) mine[kind] = input.value; else delete mine[kind];
        self.changed();
      });
    });
    document.querySelectorAll("[data-about]").forEach(function (input) {
      input.addEventListener("input", function () {
        var field = input.getAttribute("data-about");
        if (input.value.trim()) self.state.about[field] = input.value.trim();
        else delete self.state.about[field];
        self.changed();
      });
    });
    document.querySelectorAll("[data-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        var id = button.getAttribute("data-clear");
        delete self.state.answers[id];
        self.fill();
        self.changed();
        var first = document.querySelector('#q-' + cssEscape(id) + ' input, #q-' +
                                           cssEscape(id) + ' textarea');
        if (first) first.focus();
      });
    });
    click("pmo-download", function () { self.download(false); });
    click("pmo-reset", function () { self.reset(); });
    document.querySelectorAll("[data-load]").forEach(function (button) {
      button.addEventListener("click", function () { document.getElementById("pmo-load").click(); });
    });
    var load = document.getElementById("pmo-load");
    if (load) load.addEventListener("change", function () {
      if (load.files && load.files[0]) self.load(load.files[0]);
      load.value = "";
    });
  };

  function click(id, handler) {
    var element = document.getElementById(id);
    if (element) element.addEventListener("click", handler);
  }

  function cssEscape(text) {
    return window.CSS && CSS.escape ? CSS.escape(text) : text.replace(/[^A-Za-z0-9_-]/g, "\\$&");
  }

  /* ---- one part at a time ----------------------------------------------------------------- */

  Survey.prototype.steps = function () {
    var self = this;
    this.form = document.getElementById("pmo-survey");
    this.panels = Array.prototype.slice.call(document.querySelectorAll(".pmo-step[data-step]"));
    if (!this.form || !this.panels.length) return;
    this.form.classList.add("pmo-stepped");
    document.body.classList.add("pmo-survey-page");
    document.querySelectorAll("[data-go]").forEach(function (button) {
      button.addEventListener("click", function () {
        self.go(button.getAttribute("data-go"), true);
      });
    });
    // any link to a place inside another part (the list of parts, the table of contents,
    // results, the review) opens that part first; the browser then scrolls to the place
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link || link.getAttribute("href").length < 2) return;
      var stepLink = link.getAttribute("data-step-link");
      if (stepLink) {
        event.preventDefault();
        self.go(stepLink, true);
        return;
      }
      self.reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
    });
    window.addEventListener("hashchange", function () {
      self.reveal(decodeURIComponent(window.location.hash.slice(1)));
    });
    var all = document.getElementById("pmo-show-all");
    if (all) all.addEventListener("click", function () {
      self.showAll(all.getAttribute("aria-pressed") !== "true");
    });
    window.addEventListener("beforeprint", function () { self.printing(true); });
    window.addEventListener("afterprint", function () { self.printing(false); });
    var keys = this.panels.map(function (p) { return p.getAttribute("data-step"); });
    var wanted = window.location.hash.slice(1);
    var start = keys.indexOf(this.state.step) >= 0 ? this.state.step : keys[0];
    this.go(start, false);
    if (wanted && this.reveal(decodeURIComponent(wanted))) {
      var place = document.getElementById(decodeURIComponent(wanted));
      if (place) place.scrollIntoView();
    }
  };

  /* Show the part with key `key`; with `focus`, move the keyboard focus to its heading. */
  Survey.prototype.go = function (key, focus) {
    var panel = this.panel(key);
    if (!panel) return;
    this.current = key;
    this.panels.forEach(function (p) {
      p.classList.toggle("pmo-step-current", p === panel);
    });
    document.querySelectorAll("[data-step-link]").forEach(function (link) {
      if (link.getAttribute("data-step-link") === key) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    });
    var index = this.panels.indexOf(panel);
    var where = document.getElementById("pmo-survey-step");
    if (where) {
      where.textContent = "Step " + (index + 1) + " of " + this.panels.length;
    }
    if (this.state.step !== key) {
      this.state.step = key;
      this.store();
    }
    if (focus) {
      var heading = panel.querySelector("h2");
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }
    document.dispatchEvent(new CustomEvent("pmo:content"));
  };

  Survey.prototype.panel = function (key) {
    return this.panels.filter(function (p) { return p.getAttribute("data-step") === key; })[0];
  };

  /* Open the part holding the element with id `id`; whether there is one. */
  Survey.prototype.reveal = function (id) {
    var target = id && document.getElementById(id);
    var panel = target && target.closest ? target.closest(".pmo-step[data-step]") : null;
    if (!panel) return false;
    if (!panel.classList.contains("pmo-step-current")) this.go(panel.getAttribute("data-step"), false);
    return true;
  };

  Survey.prototype.showAll = function (on) {
    this.form.classList.toggle("pmo-survey-all", on);
    var where = document.getElementById("pmo-survey-step");
    if (where) where.hidden = on;
    var button = document.getElementById("pmo-show-all");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Show one step at a time" : "Show all questions";
    }
    document.dispatchEvent(new CustomEvent("pmo:content"));
  };

  /* On paper: every part, every question (rules in words), evidence fields open. */
  Survey.prototype.printing = function (on) {
    document.body.classList.toggle("pmo-printing", on);
    document.querySelectorAll("details.pmo-evidence").forEach(function (details) {
      if (on) {
        details.setAttribute("data-was-open", details.open ? "1" : "");
        details.open = true;
      } else {
        details.open = details.getAttribute("data-was-open") === "1";
      }
    });
  };

  /* Put the state into the inputs (after restoring, loading or starting again). */
  Survey.prototype.fill = function () {
    var state = this.state;
    document.querySelectorAll("[data-answer]").forEach(function (input) {
      var mine = state.answers[input.getAttribute("data-answer")] || {};
      var value = mine[input.getAttribute("data-view")];
      if (input.type === "radio") input.checked = value !== undefined && input.value === value;
      else input.value = value === undefined ? "" : value;
    });
    document.querySelectorAll("[data-extra]").forEach(function (input) {
      var mine = state.extras[input.getAttribute("data-question")] || {};
      input.value = mine[input.getAttribute("data-extra")] || "";
      if (input.value) input.closest("details").open = true;
    });
    document.querySelectorAll("[data-about]").forEach(function (input) {
      input.value = state.about[input.getAttribute("data-about")] || "";
    });
  };

  Survey.prototype.changed = function () {
    this.state.saved = new Date().toISOString();
    if (this.current) this.state.step = this.current;
    this.store();
    this.update();
  };

  /* Display rules, progress and results, after every change. */
  Survey.prototype.update = function () {
    var self = this, data = this.data;
    var visible = {};
    data.views.forEach(function (view) {
      visible[view.id] = PMOScore.visibleAnswers(data, self.state.answers, view.id).hidden;
    });
    var answered = 0, asked = 0, parts = {};
    data.sections.forEach(function (s) { parts[s.id] = { asked: 0, answered: 0, open: [] }; });
    data.questions.forEach(function (q) {
      var box = document.getElementById("q-" + q.id);
      if (!box) return;
      var shownIn = data.views.filter(function (v) { return !visible[v.id][q.id]; });
      box.hidden = shownIn.length === 0;
      data.views.forEach(function (view) {
        var off = !!visible[view.id][q.id];
        box.querySelectorAll('[data-view="' + view.id + '"]').forEach(function (input) {
          input.disabled = off;
        });
      });
      var mine = self.state.answers[q.id] || {};
      var done = shownIn.length > 0 && shownIn.every(function (v) {
        return mine[v.id] !== undefined && mine[v.id] !== "";
      });
      var clear = box.querySelector("[data-clear]");
      if (clear) clear.hidden = Object.keys(mine).length === 0;
      box.classList.toggle("pmo-q-done", done);
      if (shownIn.length) {
        asked += 1;
        parts[q.section].asked += 1;
        if (done) { answered += 1; parts[q.section].answered += 1; }
        else parts[q.section].open.push(q);
      }
    });
    this.stepStatus(parts);
    this.review(parts);
    var progress = document.getElementById("pmo-survey-progress");
    if (progress) {
      progress.textContent = answered + " of " + asked + " questions answered" +
        (this.storageWorks ? "" : " (this browser is not keeping your progress: download " +
                                  "your answers before you leave)");
    }
    this.showResults(PMOScore.score(data, this.answersShown()));
  };

  /* What the list of parts says about each: answered of asked, and whether it is complete. */
  Survey.prototype.stepStatus = function (parts) {
    var self = this;
    Object.keys(parts).forEach(function (id) {
      var part = parts[id];
      var complete = part.asked > 0 && part.answered === part.asked;
      self.mark(id, complete, part.answered + " of " + part.asked +
                (complete ? " answered, complete" : " answered"));
    });
    var details = this.aboutProblems().length === 0;
    this.mark("pmo-start", details, details ? "details filled in" : "details to fill in");
  };

  Survey.prototype.mark = function (key, complete, words) {
    var status = document.querySelector('[data-step-status="' + key + '"]');
    if (!status) return;
    status.textContent = words;
    var item = status.closest("li");
    if (item) item.classList.toggle("pmo-step-done", complete);
  };

  /* The review: what is still unanswered, part by part, each criterion a link to itself. */
  Survey.prototype.review = function (parts) {
    var box = document.getElementById("pmo-review");
    if (!box) return;
    box.textContent = "";
    var self = this, open = 0;
    this.data.sections.forEach(function (s) { open += parts[s.id].open.length; });
    var about = this.aboutProblems();
    if (!open && !about.length) {
      add(box, "p", "Everything is answered and your details are filled in: download your " +
          "answers below and send the file to your assessor.").className = "pmo-review-done";
      return;
    }
    if (about.length) {
      var details = add(box, "div", "");
      add(details, "p", "Your details:");
      var items = add(details, "ul", "");
      about.forEach(function (p) {
        var link = add(add(items, "li", ""), "a", p.text);
        link.href = "#" + p.target;
      });
    }
    if (!open) {
      add(box, "p", "Every question is answered.");
      return;
    }
    add(box, "p", open + (open === 1 ? " question is" : " questions are") + " not answered " +
        "yet. You can download now and finish later by loading the file again; " +
        (this.data.kind === "maturity" ? "meanwhile unanswered criteria count as not in place."
          : "meanwhile your results rest only on what you answered."))
      .setAttribute("data-unanswered", String(open));
    this.data.sections.forEach(function (s) {
      var missing = parts[s.id].open;
      if (!missing.length) return;
      var group = add(box, "details", "");
      group.className = "pmo-review-part";
      group.setAttribute("data-review-section", s.id);
      if (missing.length <= 5) group.open = true;
      add(group, "summary", s.title + ": " + missing.length + " unanswered");
      var list = add(group, "ul", "");
      missing.forEach(function (q) {
        var item = add(list, "li", "");
        var link = add(item, "a", q.id);
        link.href = "#q-" + q.id;
        link.className = "pmo-id";
        item.appendChild(text(" " + q.text + (q.required ? "" : " (optional)")));
      });
    });
  };

  /* The answers as scored and saved: only what the display rules show. */
  Survey.prototype.answersShown = function () {
    var self = this, out = {};
    this.data.views.forEach(function (view) {
      var given = PMOScore.visibleAnswers(self.data, self.state.answers, view.id).given;
      Object.keys(given).forEach(function (id) {
        (out[id] = out[id] || {})[view.id] = given[id];
      });
    });
    return out;
  };

  /* ---- results -------------------------------------------------------------------------- */

  Survey.prototype.showResults = function (result) {
    var panel = document.getElementById("pmo-survey-results");
    if (!panel) return;
    panel.textContent = "";
    if (result.kind === "maturity") this.showMaturity(panel, result);
    else if (result.kind === "services") this.showServices(panel, result);
    else this.showClassification(panel, result);
    document.dispatchEvent(new CustomEvent("pmo:content"));
  };

  Survey.prototype.showMaturity = function (panel, result) {
    var answered = result.criteria.filter(function (c) { return c.status !== "unanswered"; });
    document.querySelectorAll("[data-section-result]").forEach(function (line) {
      var id = line.getAttribute("data-section-result");
      var p = result.perspectives.filter(function (x) { return x.id === id; })[0];
      line.textContent = p && p.answered ? sectionLine(p) : "";
    });
    if (!answered.length) {
      add(panel, "p", "Your results appear here as you answer.");
      return;
    }
    var overall = add(panel, "p", "");
    overall.className = "pmo-result-overall";
    overall.setAttribute("data-result", "overall");
    overall.setAttribute("data-level", result.level === null ? "" : String(result.level));
    overall.setAttribute("data-score", result.score === null ? "" : fixed(result.score));
    add(overall, "strong", result.level === null ? "Not assessed"
        : "Level " + result.level + " " + result.levelName);
    if (result.score !== null) overall.appendChild(text(", score " + fixed(result.score) + " of 5"));
    add(panel, "p", answered.length + " of " + result.criteria.length + " criteria answered." +
        (answered.length < result.criteria.length
          ? " Unanswered criteria count as not in place, so the levels can only rise as you go on."
          : ""));
    var table = add(scroller(panel, "Your results by perspective"), "table", "");
    var head = add(add(table, "thead", ""), "tr", "");
    ["Perspective", "Level", "Score", "Holding it back"].forEach(function (h) {
      add(head, "th", h).setAttribute("scope", "col");
    });
    var body = add(table, "tbody", "");
    result.perspectives.forEach(function (p) {
      var row = add(body, "tr", "");
      row.setAttribute("data-perspective", p.id);
      var name = add(row, "th", "");
      name.setAttribute("scope", "row");
      var link = add(name, "a", p.title);
      link.href = "#" + p.id;
      add(row, "td", p.level === null ? "n/a" : String(p.level)).setAttribute("data-level", "");
      add(row, "td", p.score === null ? "n/a" : fixed(p.score)).setAttribute("data-score", "");
      var cell = add(row, "td", "");
      if (!p.limiting.length) cell.textContent = "—";
      p.limiting.forEach(function (c, i) {
        if (i) cell.appendChild(text(", "));
        var a = add(cell, "a", c.id);
        a.className = "pmo-id";
        a.href = "#q-" + c.id;
        a.title = c.text;
      });
    });
  };

  function sectionLine(p) {
    if (p.level === null) return "All criteria not applicable so far.";
    var line = "So far: level " + p.level + ", score " + fixed(p.score);
    if (p.limiting.length) {
      line += "; next level held back by " +
        p.limiting.map(function (c) { return c.id; }).join(", ");
    }
    return line + ".";
  }

  Survey.prototype.showClassification = function (panel, result) {
    if (!result.views.length) {
      add(panel, "p", "Your results appear here as you answer.");
      return;
    }
    var titles = {};
    this.data.outcomes.forEach(function (o) { titles[o.id] = o.title; });
    var names = function (ids) { return ids.map(function (id) { return titles[id]; }).join(" / "); };
    var ends = this.data.outcomes.slice().sort(function (a, b) { return a.position - b.position; });
    var scale = ends.length ? " on a scale from " + ends[0].title + " (" + ends[0].position +
      ") to " + ends[ends.length - 1].title + " (" + ends[ends.length - 1].position + ")" : "";
    result.views.forEach(function (view) {
      var box = add(panel, "div", "");
      box.className = "pmo-result-view";
      box.setAttribute("data-view-result", view.view);
      box.setAttribute("data-best", view.best.join(" "));
      box.setAttribute("data-position", view.position === null ? "" : fixed(view.position));
      box.setAttribute("data-label", view.positionLabel || "");
      add(box, "h3", view.label);
      var best = add(box, "p", "");
      best.setAttribute("data-result", "best");
      best.appendChild(text("Best fit: "));
      add(best, "strong", names(view.best) || "none yet");
      if (view.runnerUp.length) best.appendChild(text("; runner-up: " + names(view.runnerUp)));
      best.appendChild(text(" (" + view.answered + " questions answered)."));
      if (view.position !== null) {
        var where = add(box, "p", "");
        where.setAttribute("data-result", "position");
        where.appendChild(text("Position: "));
        add(where, "strong", titles[view.positionLabel] + " (" + fixed(view.position) + ")");
        where.appendChild(text(scale + "."));
      }
      var list = add(box, "ul", "");
      list.className = "pmo-fits";
      view.fits.forEach(function (f) {
        var item = add(list, "li", "");
        item.setAttribute("data-outcome", f.outcome);
        add(item, "span", f.title).className = "pmo-fit-name";
        var bar = add(item, "span", "");
        bar.className = "pmo-fit-bar";
        bar.setAttribute("aria-hidden", "true");
        add(bar, "span", "").style.width = f.percent + "%";
        add(item, "span", f.percent + "%").className = "pmo-fit-percent";
      });
      if (view.sections.length) {
        var table = add(scroller(box, view.label + ": position by area"), "table", "");
        var head = add(add(table, "thead", ""), "tr", "");
        ["Area", "Position", "Closest to"].forEach(function (h) {
          add(head, "th", h).setAttribute("scope", "col");
        });
        var body = add(table, "tbody", "");
        view.sections.forEach(function (s) {
          var row = add(body, "tr", "");
          row.setAttribute("data-section", s.section);
          add(row, "td", s.title);
          add(row, "td", fixed(s.position));
          add(row, "td", titles[s.label]);
        });
        if (view.hybrid) {
          add(box, "p", "A hybrid: different areas sit closest to different ways of working.");
        }
      }
    });
  };

  var QUADRANTS = { "keep": "Keep", "improve-first": "Improve first",
                    "over-served": "Over-served", "low-priority": "Low priority" };

  /* One respondent's grid: each service rated on both, in the order of its gap. */
  Survey.prototype.showServices = function (panel, result) {
    var rated = result.services.filter(function (s) { return s.quadrant !== null; });
    if (!rated.length) {
      add(panel, "p", "Your results appear here as you rate services on both importance " +
          "and satisfaction.");
      return;
    }
    var lines = this.data.crosshairs === "midpoint"
      ? "Lines at the middle of the scale (" + result.lines[0].toFixed(2) + ")."
      : "Lines at your mean importance (" + result.lines[0].toFixed(2) + ") and mean " +
        "satisfaction (" + result.lines[1].toFixed(2) + ").";
    add(panel, "p", lines + " The office sees everyone's ratings together, by group only " +
        "where at least " + this.data.min_group + " people share a role.");
    var table = add(scroller(panel, "Your ratings by service"), "table", "");
    var head = add(add(table, "thead", ""), "tr", "");
    ["Service", "Importance", "Satisfaction", "Gap", "Quadrant"].forEach(function (h) {
      add(head, "th", h).setAttribute("scope", "col");
    });
    var body = add(table, "tbody", "");
    rated.slice().sort(function (a, b) { return b.gap - a.gap; }).forEach(function (s) {
      var row = add(body, "tr", "");
      row.setAttribute("data-service", s.id);
      row.setAttribute("data-quadrant", s.quadrant);
      add(row, "td", s.title);
      add(row, "td", String(s.importance));
      add(row, "td", String(s.satisfaction));
      add(row, "td", String(s.gap));
      add(row, "td", QUADRANTS[s.quadrant]);
    });
  };

  /* A box that scrolls sideways if its table is wider than the page (pmo-a11y.js makes it
   * reachable by keyboard and names it). */
  function scroller(parent, label) {
    var box = add(parent, "div", "");
    box.className = "pmo-scroll";
    box.setAttribute("data-label", label);
    return box;
  }

  function fixed(value) {
    return value === null ? "n/a" : Number(value).toFixed(1);
  }

  function add(parent, tag, content) {
    var element = document.createElement(tag);
    if (content) element.textContent = content;
    parent.appendChild(element);
    return element;
  }

  function text(content) {
    return document.createTextNode(content);
  }

  /* ---- saving, loading, starting again -------------------------------------------------- */

  Survey.prototype.problems = function () {
    var out = this.aboutProblems();
    var self = this;
    this.data.views.forEach(function (view) {
      var seen = PMOScore.visibleAnswers(self.data, self.state.answers, view.id);
      self.data.questions.forEach(function (q) {
        if (q.required && !seen.hidden[q.id] && seen.given[q.id] === undefined) {
          out.push({
            text: q.id + (self.single ? "" : " (" + view.label + ")") + " is unanswered.",
            target: "q-" + q.id
          });
        }
      });
    });
    return out;
  };

  Survey.prototype.aboutProblems = function () {
    var about = this.state.about, out = [];
    Object.keys(ABOUT_LABELS).forEach(function (field) {
      var value = about[field];
      if (!value) out.push({ text: ABOUT_LABELS[field] + " is empty.", target: "pmo-" + field });
      else if (!ID_PATTERN.test(value) || value.indexOf("..") >= 0) {
        out.push({ text: ABOUT_LABELS[field] + " may hold only letters, digits, '-', '_' and " +
                         "'.', and must start with a letter or digit.", target: "pmo-" + field });
      } else if (RESERVED.test(value) || value.charAt(value.length - 1) === ".") {
        out.push({ text: ABOUT_LABELS[field] + " cannot be " + value + ": Windows does not " +
                         "allow it as a file name.", target: "pmo-" + field });
      }
    });
    return out;
  };

  Survey.prototype.download = function (anyway) {
    var messages = document.getElementById("pmo-survey-messages");
    var problems = this.problems();
    if (problems.length && !anyway) {
      messages.textContent = "";
      var box = add(messages, "div", "");
      box.className = "pmo-message pmo-message-warning";
      add(box, "p", "Before you download: " + problems.length + " thing" +
          (problems.length === 1 ? " needs" : "s need") + " your attention. You can download " +
          "now and finish later by loading the file again.");
      var list = add(box, "ul", "");
      problems.slice(0, 20).forEach(function (p) {
        var link = add(add(list, "li", ""), "a", p.text);
        link.href = "#" + p.target;
      });
      if (problems.length > 20) add(list, "li", "… and " + (problems.length - 20) + " more.");
      var self = this;
      var again = add(box, "button", "Download anyway");
      again.type = "button";
      again.className = "md-button";
      again.id = "pmo-download-anyway";
      again.addEventListener("click", function () { self.download(true); });
      again.focus();
      return;
    }
    var name = (this.state.about.respondent || "response") + "-" + this.data.id + ".yaml";
    var blob = new Blob([this.responseYaml()], { type: "application/yaml" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    messages.textContent = "";
    add(messages, "p", "Downloaded " + name + ". Send it to your assessor; your answers also " +
        "stay in this browser until you choose Start again.");
  };

  /* The response file: the format of content/reference/answer-format.md. */
  Survey.prototype.responseYaml = function () {
    var about = this.state.about, shown = this.answersShown(), self = this;
    var answers = {};
    this.data.questions.forEach(function (q) {
      var mine = shown[q.id] || {};
      var extras = self.state.extras[q.id] || {};
      if (self.single) {
        var value = mine[self.data.views[0].id];
        if (value === undefined) return;
        if (extras.evidence || extras.notes) {
          var entry = { answer: value };
          if (extras.evidence) entry.evidence = extras.evidence;
          if (extras.notes) entry.notes = extras.notes;
          answers[q.id] = entry;
        } else {
          answers[q.id] = value;
        }
      } else {
        var both = {};
        self.data.views.forEach(function (v) { if (mine[v.id] !== undefined) both[v.id] = mine[v.id]; });
        if (Object.keys(both).length) answers[q.id] = both;
      }
    });
    var respondent = { id: about.respondent || "" };
    if (about.role) respondent.role = about.role;
    var questionnaires = {};
    questionnaires[this.data.id] = { version: String(this.data.version), answers: answers };
    var response = {
      organisation: about.organisation || "",
      round: about.round || "",
      respondent: respondent,
      date: today(),
      questionnaires: questionnaires
    };
    return "# Answers to the " + this.data.title + " questionnaire, saved from its " +
      "self-assessment page.\n# Check it with: pmo validate FILE\n" +
      jsyaml.dump(response, { lineWidth: 100, noRefs: true, quotingType: '"' });
  };

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  Survey.prototype.load = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () { self.loadText(String(reader.result), file.name); };
    reader.onerror = function () { self.say("error", "Could not read " + file.name + "."); };
    reader.readAsText(file);
  };

  Survey.prototype.loadText = function (source, name) {
    var doc;
    try {
      doc = jsyaml.load(source);
    } catch (error) {
      var where = error.mark ? " (line " + (error.mark.line + 1) + ")" : "";
      this.say("error", name + " is not a readable YAML file" + where + ": " + error.reason);
      return;
    }
    var all = doc && typeof doc === "object" ? doc.questionnaires : null;
    var mine = all && typeof all === "object" ? all[this.data.id] : null;
    if (!mine || typeof mine !== "object") {
      var others = all && typeof all === "object" ? Object.keys(all) : [];
      this.say("error", name + " has no answers to " + this.data.title +
        (others.length ? "; it answers " + others.join(", ") + ". Load it on that page." : "."));
      return;
    }
    var major = String(mine.version || "").split(".")[0];
    if (major !== String(this.data.version).split(".")[0]) {
      this.say("error", name + " answers version " + mine.version + " of " + this.data.title +
        ", and this page asks version " + this.data.version + ": ask your assessor.");
      return;
    }
    var next = emptyState(), skipped = [], count = 0, self = this;
    var respondent = doc.respondent && typeof doc.respondent === "object" ? doc.respondent : {};
    [["organisation", doc.organisation], ["round", doc.round], ["respondent", respondent.id],
     ["role", respondent.role]].forEach(function (pair) {
      if (pair[1] !== undefined && pair[1] !== null && pair[1] !== "") {
        next.about[pair[0]] = String(pair[1]);
      }
    });
    var given = mine.answers && typeof mine.answers === "object" ? mine.answers : {};
    Object.keys(given).forEach(function (id) {
      var q = self.questions[id];
      if (!q) { skipped.push(id + " (not a question of this questionnaire)"); return; }
      var entry = given[id];
      var values = {};
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        if (self.single) values[self.data.views[0].id] = entry.answer;
        else self.data.views.forEach(function (v) { values[v.id] = entry[v.id]; });
        var extras = {};
        if (entry.evidence) extras.evidence = String(entry.evidence);
        if (entry.notes) extras.notes = String(entry.notes);
        if (Object.keys(extras).length) next.extras[id] = extras;
      } else if (self.single) {
        values[self.data.views[0].id] = entry;
      } else {
        skipped.push(id + " (needs an answer for each of " +
                     self.data.views.map(function (v) { return v.id; }).join(" and ") + ")");
        return;
      }
      Object.keys(values).forEach(function (view) {
        var value = values[view];
        if (value === undefined || value === null || value === "") return;
        value = String(value);
        if (q.type === "choice" && !allowed(q, value)) {
          skipped.push(id + " ('" + value + "' is not one of its answers)");
          return;
        }
        (next.answers[id] = next.answers[id] || {})[view] = value;
        count += 1;
      });
    });
    this.undo = this.state;
    this.state = next;
    this.changed();
    this.fill();
    this.update();
    this.say(skipped.length ? "warning" : "info",
      "Loaded " + count + " answer" + (count === 1 ? "" : "s") + " from " + name + "." +
      (skipped.length ? " Left out: " + skipped.join("; ") + "." : ""), true);
  };

  function allowed(q, value) {
    if (value === "na") return q.allow_na;
    if (value === "dont_know") return q.allow_dont_know;
    return q.options.some(function (o) { return o.value === value; });
  }

  Survey.prototype.reset = function () {
    this.undo = this.state;
    this.state = emptyState();
    this.changed();
    this.fill();
    this.update();
    this.say("info", "Started again: every answer on this page was cleared.", true);
  };

  /* A message; with `undoable`, a button that brings back the answers just replaced. */
  Survey.prototype.say = function (kind, message, undoable) {
    var messages = document.getElementById("pmo-survey-messages");
    if (!messages) return;
    messages.textContent = "";
    var box = add(messages, "div", "");
    box.className = "pmo-message pmo-message-" + kind;
    add(box, "p", message);
    var self = this;
    if (undoable && this.undo && hasAnything(this.undo)) {
      var button = add(box, "button", "Undo");
      button.type = "button";
      button.className = "md-button";
      button.id = "pmo-undo";
      button.addEventListener("click", function () {
        self.state = self.undo;
        self.undo = null;
        self.changed();
        self.fill();
        self.update();
        self.say("info", "Your previous answers are back.");
      });
    }
  };

  function hasAnything(state) {
    return Object.keys(state.answers).length > 0 || Object.keys(state.extras).length > 0 ||
      Object.keys(state.about).length > 0;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
