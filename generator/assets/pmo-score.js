/* Scoring of one response in the browser: the rules of generator/scoring, for one respondent.
 *
 * Pure functions over the questionnaire data the page embeds (generator/outputs/site/survey.py) and
 * the answers { questionId: { view: value } }. The test suite runs these functions on hundreds
 * of random answer sets and compares every level, score, fit and position with Python's.
 * Sums run in questionnaire order; rounding adds the same tiny slack as Python, so that sums
 * taken in another order cannot fall either side of a half.
 */
(function (root) {
  "use strict";

  var SLACK = 1e-9;
  var SPECIAL = { na: true, dont_know: true };

  function oneDecimal(value) {
    return value === null || isNaN(value) ? null : Math.floor(value * 10 + 0.5 + SLACK) / 10;
  }

  function percent(fit) {
    return Math.floor(fit * 100 + 0.5 + SLACK);
  }

  function optionScores(question) {
    var out = {};
    question.options.forEach(function (o) { out[o.value] = o.score; });
    return out;
  }

  /* A display rule (a syntax tree made by generator/outputs/site/survey.py) over one view's answers. */
  function holds(rule, given, questions) {
    switch (rule.op) {
      case "constant":
        return rule.value;
      case "answered":
        return given[rule.question] !== undefined;
      case "not":
        return !holds(rule.operand, given, questions);
      case "and":
        return rule.operands.every(function (r) { return holds(r, given, questions); });
      case "or":
        return rule.operands.some(function (r) { return holds(r, given, questions); });
      case "in": {
        var value = given[rule.question];
        if (value === undefined) return false;
        return (rule.values.indexOf(value) >= 0) !== rule.negated;
      }
      case "compare": {
        var answer = given[rule.question];
        if (answer === undefined) return false;
        if (rule.compare === "==") return answer === rule.value;
        if (rule.compare === "!=") return answer !== rule.value;
        var question = questions[rule.question];
        var ranked = question ? optionScores(question) : {};
        if (!(answer in ranked) || !(rule.value in ranked)) return false;
        var a = ranked[answer], b = ranked[rule.value];
        if (rule.compare === "<") return a < b;
        if (rule.compare === "<=") return a <= b;
        if (rule.compare === ">") return a > b;
        return a >= b;
      }
    }
    throw new Error("unknown rule: " + rule.op);
  }

  function index(data) {
    var byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    return byId;
  }

  /* One view's answers as { id: value }, leaving out questions hidden by their rules.
   * Rules apply in questionnaire order, and a hidden question counts as unanswered for the
   * rules after it, as in generator.checks and generator.scoring. */
  function visibleAnswers(data, answers, view) {
    var questions = index(data);
    var given = {};
    data.questions.forEach(function (q) {
      var mine = answers[q.id];
      if (mine && mine[view] !== undefined && mine[view] !== null && mine[view] !== "") {
        given[q.id] = mine[view];
      }
    });
    var hidden = {};
    data.questions.forEach(function (q) {
      if (q.rule && !holds(q.rule, given, questions)) {
        hidden[q.id] = true;
        delete given[q.id];
      }
    });
    return { given: given, hidden: hidden };
  }

  /* ---- maturity ------------------------------------------------------------------------- */

  var RATED = "rated", NA = "na", DONT_KNOW = "dont_know", UNANSWERED = "unanswered";

  function maturity(data, answers) {
    var view = data.views[0].id;
    var seen = visibleAnswers(data, answers, view);
    var criteria = [];
    data.questions.forEach(function (q) {
      if (q.type !== "choice") return;
      var value = seen.given[q.id];
      var top = 0;
      q.options.forEach(function (o) { top = Math.max(top, o.score); });
      top = top || 1;
      var status = UNANSWERED, attainment = null;
      if (value === "na" || (value === undefined && seen.hidden[q.id])) status = NA;
      else if (value === "dont_know") status = DONT_KNOW;
      else if (value !== undefined) {
        q.options.forEach(function (o) { if (o.value === value) attainment = o.score / top; });
        status = attainment === null ? UNANSWERED : RATED;
      }
      var applicable = status !== NA;
      criteria.push({
        id: q.id, section: q.section, level: q.level || 0, weight: q.weight, text: q.text,
        status: status, attainment: attainment, value: value === undefined ? null : value,
        applicable: applicable,
        met: applicable && attainment !== null && attainment >= data.threshold
      });
    });

    var perspectives = data.sections.map(function (section) {
      var mine = criteria.filter(function (c) { return c.section === section.id; });
      var assessed = mine.some(function (c) { return c.applicable; });
      var positive = mine.some(function (c) { return c.applicable && (c.attainment || 0) > 0; });
      var run = 0, still = true, total = 0, counted = 0;
      [2, 3, 4, 5].forEach(function (level) {
        var cols = mine.filter(function (c) { return c.level === level; });
        if (!cols.length) { run += still ? 1 : 0; return; }
        if (cols.some(function (c) { return c.applicable && !c.met; })) still = false;
        run += still ? 1 : 0;
        var weightSum = 0, weighted = 0;
        cols.forEach(function (c) { weightSum += c.applicable ? c.weight : 0; });
        cols.forEach(function (c) {
          weighted += (c.applicable ? c.weight : 0) * (c.applicable ? (c.attainment || 0) : 0);
        });
        if (weightSum > 0) { total += weighted / weightSum; counted += 1; }
      });
      var mean = counted > 0 ? total / counted : 0;
      var level = assessed ? (positive ? 1 + run : 0) : null;
      var score = assessed ? (positive ? 1 : 0) + 4 * mean : null;
      return {
        id: section.id, title: section.title, weight: section.weight, level: level,
        rawScore: score, score: oneDecimal(score), limiting: limiting(mine, level),
        answered: mine.filter(function (c) { return c.status !== UNANSWERED; }).length,
        criteria: mine.length
      };
    });

    var weightSum = 0, weighted = 0, lowest = null;
    perspectives.forEach(function (p) {
      if (p.rawScore === null) return;
      weightSum += p.weight;
      weighted += p.weight * p.rawScore;
      lowest = lowest === null ? p.level : Math.min(lowest, p.level);
    });
    var level = weightSum > 0 ? lowest : null;
    return {
      kind: "maturity",
      level: level,
      levelName: level === null ? "not assessed" : (data.levels[String(level)] || ""),
      score: weightSum > 0 ? oneDecimal(weighted / weightSum) : null,
      perspectives: perspectives,
      criteria: criteria
    };
  }

  /* The unmet criteria of the lowest level above `level` that has any: what blocks it. */
  function limiting(criteria, level) {
    if (level === null) return [];
    var blocking = criteria.filter(function (c) {
      return c.level > level && !c.met && c.status !== NA;
    });
    if (!blocking.length) return [];
    var lowest = Math.min.apply(null, blocking.map(function (c) { return c.level; }));
    return blocking.filter(function (c) { return c.level === lowest; });
  }

  /* ---- classification ------------------------------------------------------------------- */

  function classification(data, answers) {
    var outcomes = data.outcomes;
    var spectrum = outcomes.length > 0 && outcomes.every(function (o) {
      return o.position !== null && o.position !== undefined;
    });
    var views = data.views.map(function (view) {
      var seen = visibleAnswers(data, answers, view.id);
      var got = outcomes.map(function () { return 0; });
      var best = outcomes.map(function () { return 0; });
      var answered = 0;
      var where = { all: [0, 0] };
      data.sections.forEach(function (s) { where[s.id] = [0, 0]; });
      data.questions.forEach(function (q) {
        var value = seen.given[q.id];
        if (value === undefined || SPECIAL[value] || q.type !== "choice") return;
        var chosen = null;
        q.options.forEach(function (o) { if (o.value === value) chosen = o; });
        if (!chosen) return;
        answered += 1;
        outcomes.forEach(function (o, k) {
          var most = 0;
          q.options.forEach(function (option) { most = Math.max(most, option.points[o.id] || 0); });
          got[k] += (chosen.points[o.id] || 0) * q.weight;
          best[k] += most * q.weight;
        });
        if (spectrum) {
          var points = 0, placed = 0;
          outcomes.forEach(function (o) {
            var p = chosen.points[o.id] || 0;
            points += p;
            placed += p * o.position;
          });
          if (points > 0) {
            var position = placed / points;
            where.all[0] += q.weight * position;
            where.all[1] += q.weight;
            where[q.section][0] += q.weight * position;
            where[q.section][1] += q.weight;
          }
        }
      });
      if (!answered) return null;
      var fits = outcomes.map(function (o, k) {
        var fit = best[k] > 0 ? got[k] / best[k] : 0;
        return { outcome: o.id, title: o.title, fit: fit, percent: percent(fit), order: k };
      });
      fits.sort(function (a, b) { return b.percent - a.percent || a.order - b.order; });
      var result = {
        view: view.id, label: view.label, fits: fits, answered: answered,
        best: ranked(fits, 0), runnerUp: ranked(fits, 1),
        position: null, positionLabel: null, sections: [], hybrid: false
      };
      if (spectrum) {
        if (where.all[1] > 0) {
          var overall = where.all[0] / where.all[1];
          result.position = oneDecimal(overall);
          result.positionLabel = nearest(outcomes, overall);
        }
        data.sections.forEach(function (s) {
          if (where[s.id][1] > 0) {
            var value = where[s.id][0] / where[s.id][1];
            result.sections.push({
              section: s.id, title: s.title, position: oneDecimal(value),
              label: nearest(outcomes, value)
            });
          }
        });
        var labels = {};
        result.sections.forEach(function (s) { labels[s.label] = true; });
        result.hybrid = Object.keys(labels).length > 1;
      }
      return result;
    });
    return { kind: "classification", views: views.filter(function (v) { return v !== null; }) };
  }

  /* Outcome ids at the `rank`-th distinct whole percentage above 0 (ties share a rank). */
  function ranked(fits, rank) {
    var scores = [];
    fits.forEach(function (f) {
      if (f.percent > 0 && scores.indexOf(f.percent) < 0) scores.push(f.percent);
    });
    scores.sort(function (a, b) { return b - a; });
    if (scores.length <= rank) return [];
    return fits.filter(function (f) { return f.percent === scores[rank]; })
      .map(function (f) { return f.outcome; });
  }

  /* The outcome whose position is closest; on a tie (within rounding noise), the first. */
  function nearest(outcomes, position) {
    var best = outcomes[0], distance = Math.abs(outcomes[0].position - position);
    outcomes.slice(1).forEach(function (o) {
      var gap = Math.abs(o.position - position);
      if (gap < distance - SLACK) { best = o; distance = gap; }
    });
    return best.id;
  }

  /* ---- services: one respondent's importance-satisfaction grid ------------------------- */

  function twoDecimals(value) {
    return value === null ? null : Math.floor(value * 100 + 0.5 + SLACK) / 100;
  }

  function quadrant(importance, satisfaction, lines) {
    var important = importance >= lines[0] - SLACK, satisfied = satisfaction >= lines[1] - SLACK;
    if (important) return satisfied ? "keep" : "improve-first";
    return satisfied ? "over-served" : "low-priority";
  }

  function services(data, answers) {
    var importance = visibleAnswers(data, answers, "importance").given;
    var satisfaction = visibleAnswers(data, answers, "satisfaction").given;
    var rating = function (q, given) {
      var scores = optionScores(q), value = given[q.id];
      return value !== undefined && value in scores ? scores[value] : null;
    };
    var rows = data.questions.filter(function (q) { return q.type === "choice"; })
      .map(function (q) {
        return { id: q.id, title: q.text, importance: rating(q, importance),
                 satisfaction: rating(q, satisfaction) };
      });
    var lines = [null, null];
    if (data.crosshairs === "midpoint") {
      var all = [];
      data.questions.forEach(function (q) { q.options.forEach(function (o) { all.push(o.score); }); });
      if (all.length) {
        var middle = (Math.min.apply(null, all) + Math.max.apply(null, all)) / 2;
        lines = [middle, middle];
      }
    } else {
      var both = rows.filter(function (r) { return r.importance !== null && r.satisfaction !== null; });
      if (both.length) {
        var sums = [0, 0];
        both.forEach(function (r) { sums[0] += r.importance; sums[1] += r.satisfaction; });
        lines = [sums[0] / both.length, sums[1] / both.length];
      }
    }
    rows.forEach(function (r) {
      var rated = r.importance !== null && r.satisfaction !== null;
      r.gap = rated ? twoDecimals(r.importance - r.satisfaction) : null;
      r.quadrant = rated ? quadrant(r.importance, r.satisfaction, lines) : null;
      r.importance = twoDecimals(r.importance);
      r.satisfaction = twoDecimals(r.satisfaction);
    });
    return { kind: "services", lines: [twoDecimals(lines[0]), twoDecimals(lines[1])],
             services: rows };
  }

  function score(data, answers) {
    if (data.kind === "services") return services(data, answers);
    return data.kind === "maturity" ? maturity(data, answers) : classification(data, answers);
  }

  root.PMOScore = {
    score: score,
    visibleAnswers: visibleAnswers,
    holds: holds,
    oneDecimal: oneDecimal,
    twoDecimals: twoDecimals,
    percent: percent
  };
})(typeof window !== "undefined" ? window : this);
