/* report.js - draws the report from the inline data (#report-data): the timeline, the top
 * actors and codes, the network of dyads and the events table. Plain DOM and SVG. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var QUAD = ['unknown', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict',
              'Material conflict'];
  var QCOL = ['#9aa3ad', '#7fb3d8', '#1f5f99', '#f3b05a', '#c2410c'];
  var tip = document.getElementById('tip');

  function svg(tag, attrs, parent, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function html(tag, attrs, parent, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function fmt(n) {   /* 1234567 -> 1,234,567 */
    var s = String(Math.round(n)), neg = s[0] === '-';
    s = (neg ? s.slice(1) : s).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return neg ? '-' + s : s;
  }
  function fmt1(x) { return (Math.round(x * 10) / 10).toFixed(1); }
  function codeName(c) { return D.names[c] || ''; }
  function hover(el, text) {
    el.addEventListener('mousemove', function (e) {
      tip.textContent = typeof text === 'function' ? text() : text;
      tip.style.display = 'block';
      var x = e.clientX + 14, w = tip.offsetWidth;
      if (x + w > window.innerWidth - 8) x = e.clientX - w - 14;
      tip.style.left = x + 'px';
      tip.style.top = (e.clientY + 14) + 'px';
    });
    el.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
  }
  /* Goldstein -10..10 as red .. grey .. blue */
  function gcol(g) {
    var t = Math.max(-1, Math.min(1, g / 7)), a = [150, 155, 160];
    var b = t < 0 ? [200, 40, 40] : [30, 90, 170], s = Math.abs(t);
    return 'rgb(' + a.map(function (v, i) { return Math.round(v + (b[i] - v) * s); }).join(',') + ')';
  }
  /* the top of an axis of 4 ticks: 4 times a whole step of 1, 2 or 5 times a power of ten */
  function niceMax(v) {
    var step = Math.max(1, Math.ceil(v / 4)), p = Math.pow(10, Math.floor(Math.log10(step))), m = step / p;
    return 4 * (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }
  /* the same for real numbers (the Goldstein axis) */
  function niceReal(v) {
    if (v <= 0) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v))), m = v / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }
  /* the charts' widths, read once before anything is drawn (each read after a change to
   * the page would lay it out again) */
  var widths = {};
  ['timeline-chart', 'actors-chart', 'codes-chart', 'network-chart'].forEach(function (id) {
    var w = document.getElementById(id).clientWidth;
    widths[id] = w > 200 ? w : 1200;
  });
  function width(id) { return widths[id]; }

  /* ---- timeline ---- */
  function dayDate(t) { return new Date(Date.UTC(Math.floor(t / 10000), Math.floor(t / 100) % 100 - 1, t % 100)); }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function bucketKeys(rows) {
    var lo = Infinity, hi = -Infinity, keys = [], unit = D.unit;
    rows.forEach(function (r) { lo = Math.min(lo, r[0]); hi = Math.max(hi, r[0]); });
    if (!rows.length) return {unit: unit, keys: keys, key: function () { return ''; }};
    if (unit === 'month') {
      for (var m = lo; m <= hi; m = (m % 100 === 12) ? m + 89 : m + 1)
        keys.push(Math.floor(m / 100) + '-' + ('0' + m % 100).slice(-2));
      return {unit: unit, keys: keys, key: function (t) {
        return Math.floor(t / 100) + '-' + ('0' + t % 100).slice(-2); }};
    }
    var d0 = dayDate(lo), d1 = dayDate(hi), step = 1, week = (d1 - d0) / 864e5 > 45;
    var monday = function (d) { return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 864e5); };
    if (week) { unit = 'week'; step = 7; d0 = monday(d0); }
    for (var d = d0; d <= d1; d = new Date(d.getTime() + step * 864e5)) keys.push(iso(d));
    return {unit: unit, keys: keys, key: function (t) {
      return iso(week ? monday(dayDate(t)) : dayDate(t)); }};
  }

  function timeline() {
    var rows = D.timeline, bk = bucketKeys(rows), dirs = D.mode === 'dyad' ? 2 : 1;
    var data = [], onTimeline = 0;
    for (var i = 0; i < dirs; i++) {
      var m = {};
      bk.keys.forEach(function (k) { m[k] = {q: [0, 0, 0, 0, 0], n: 0, g: 0}; });
      data.push(m);
    }
    rows.forEach(function (r) {
      var b = data[r[4]][bk.key(r[0])];
      b.q[r[1] >= 1 && r[1] <= 4 ? r[1] : 0] += r[2]; b.n += r[2]; b.g += r[3];
      onTimeline += r[2];
    });
    document.getElementById('timeline-title').textContent =
      'Events per ' + bk.unit + ' by quad class, with the Goldstein sum';
    var left = D.totals[0] - onTimeline;
    var note = document.getElementById('timeline-note');
    note.setAttribute('data-on-timeline', onTimeline);
    note.textContent = fmt(onTimeline) + ' events on the timeline' + (left ? '; ' + fmt(left) +
      ' not on it (dated only to the ' + (bk.unit === 'month' ? 'year' : 'month or year') +
      ', or undated).' : '.');
    if (!bk.keys.length) { note.textContent = 'No dated events.'; return; }
    var W = width('timeline-chart'), PH = dirs === 2 ? 210 : 280, ML = 60, MR = 64, top = 34;
    var H = top + dirs * (PH + 36) + 40;
    var s = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, id: 'timeline-svg'}, document.getElementById('timeline-chart'));
    var nmax = 0, gmin = 0, gmax = 0;
    data.forEach(function (m) { bk.keys.forEach(function (k) {
      nmax = Math.max(nmax, m[k].n); gmin = Math.min(gmin, m[k].g); gmax = Math.max(gmax, m[k].g); }); });
    nmax = niceMax(nmax);
    var gext = niceReal(Math.max(-gmin, gmax));
    var gl = gmin < 0 ? -gext : 0, gh = gmax > 0 ? gext : 0;
    if (gl === gh) gh = 1;
    var pw = W - ML - MR, bw = pw / bk.keys.length;
    legend(s, ML, 14);
    var names = dirs === 2 ? [D.a + ' \u2192 ' + D.b, D.b + ' \u2192 ' + D.a] : [''];
    for (var p = 0; p < dirs; p++) {
      var y0 = top + p * (PH + 36) + 22;
      panel(s, data[p], bk, {x: ML, y: y0, w: pw, h: PH, bw: bw, nmax: nmax, gl: gl, gh: gh,
                             title: names[p], dir: p});
    }
    xLabels(s, bk, ML, bw, top + dirs * (PH + 36) + 12);
  }

  function legend(s, x, y) {
    for (var q = 1; q <= 4; q++) {
      svg('rect', {x: x, y: y - 9, width: 11, height: 11, fill: QCOL[q]}, s);
      svg('text', {x: x + 15, y: y}, s, QUAD[q]);
      x += 24 + QUAD[q].length * 7;
    }
    svg('line', {x1: x, x2: x + 18, y1: y - 4, y2: y - 4, stroke: '#1d2530', 'stroke-width': 2}, s);
    svg('text', {x: x + 23, y: y}, s, 'Goldstein sum (right axis)');
  }

  function panel(s, m, bk, o) {
    var g = svg('g', {class: 'panel', 'data-dir': o.dir}, s);
    if (o.title) svg('text', {x: o.x, y: o.y - 10, class: 'panel-title'}, g, o.title);
    var ax = svg('g', {class: 'axis'}, g);
    for (var i = 0; i <= 4; i++) {
      var v = o.nmax * i / 4, y = o.y + o.h - o.h * i / 4;
      svg('line', {x1: o.x, x2: o.x + o.w, y1: y, y2: y, class: 'grid'}, ax);
      svg('text', {x: o.x - 6, y: y + 4, 'text-anchor': 'end'}, ax, fmt(Math.round(v * 10) / 10));
      var gv = o.gl + (o.gh - o.gl) * i / 4;
      svg('text', {x: o.x + o.w + 6, y: y + 4}, ax, fmt(Math.round(gv * 10) / 10));
    }
    svg('text', {class: 'axis-title', transform: 'translate(' + (o.x - 46) + ',' + (o.y + o.h / 2) +
                 ') rotate(-90)', 'text-anchor': 'middle'}, ax, 'events per ' + bk.unit);
    svg('text', {class: 'axis-title', transform: 'translate(' + (o.x + o.w + 52) + ',' + (o.y + o.h / 2) +
                 ') rotate(90)', 'text-anchor': 'middle'}, ax, 'Goldstein sum');
    var gy = function (v) { return o.y + o.h - o.h * (v - o.gl) / (o.gh - o.gl); };
    if (o.gl < 0) svg('line', {x1: o.x, x2: o.x + o.w, y1: gy(0), y2: gy(0), stroke: '#9aa3ad',
                               'stroke-dasharray': '3 3'}, ax);
    var pts = [], gap = o.bw > 4 ? Math.min(2, o.bw * 0.15) : 0;
    bk.keys.forEach(function (k, i) {
      var b = m[k], x = o.x + i * o.bw, y = o.y + o.h;
      for (var q = 1; q <= 4; q++) {
        if (!b.q[q]) continue;
        var h = o.h * b.q[q] / o.nmax;
        y -= h;
        svg('rect', {x: x + gap / 2, y: y, width: Math.max(o.bw - gap, 0.5), height: h, fill: QCOL[q]}, g);
      }
      var r = svg('rect', {x: x, y: o.y, width: o.bw, height: o.h, fill: 'transparent',
                           class: 'hover bucket', 'data-key': k, 'data-n': b.n}, g);
      hover(r, bk.unit + ' ' + k + (o.title ? ', ' + o.title : '') + '\n' + fmt(b.n) + ' events\n' +
            [1, 2, 3, 4].map(function (q) { return QUAD[q] + ': ' + fmt(b.q[q]); }).join('\n') +
            '\nGoldstein sum: ' + fmt1(b.g));
      pts.push((x + o.bw / 2).toFixed(1) + ',' + gy(b.g).toFixed(1));
    });
    svg('polyline', {points: pts.join(' '), fill: 'none', stroke: '#1d2530', 'stroke-width': 1.6,
                     'pointer-events': 'none'}, g);
    if (pts.length < 60) pts.forEach(function (p) {
      var xy = p.split(',');
      svg('circle', {cx: xy[0], cy: xy[1], r: 2.5, fill: '#1d2530', 'pointer-events': 'none'}, g);
    });
  }

  function xLabels(s, bk, x0, bw, y) {
    var ax = svg('g', {class: 'axis'}, s), every = Math.max(1, Math.ceil(72 / bw)), n = bk.keys.length;
    if (bk.unit === 'month' && every > 1 && every <= 12) every = every <= 3 ? 3 : every <= 6 ? 6 : 12;
    bk.keys.forEach(function (k, i) {
      var monthStart = bk.unit !== 'month' || every < 12 || k.slice(5) === '01';
      if ((every >= 12 ? !(k.slice(5) === '01' || i === 0) : i % every) || !monthStart) return;
      var x = x0 + i * bw + bw / 2;
      svg('line', {x1: x, x2: x, y1: y - 4, y2: y}, ax);
      svg('text', {x: x, y: y + 14, 'text-anchor': 'middle'}, ax, every >= 12 ? k.slice(0, 4) : k);
    });
    svg('text', {class: 'axis-title', x: x0 + bw * n / 2, y: y + 32, 'text-anchor': 'middle'}, ax,
        bk.unit === 'week' ? 'week (starting Monday)' : bk.unit);
  }

  /* ---- bars ---- */
  function bars(id, rows, label, colour, tipText) {
    var box = document.getElementById(id);
    if (!rows.length) { html('p', {class: 'note'}, box, 'No events.'); return; }
    var W = width(id), LW = Math.min(330, W * 0.55), RH = 22, H = rows.length * RH + 26;
    var s = svg('svg', {viewBox: '0 0 ' + W + ' ' + H}, box), max = Math.max.apply(null, rows.map(function (r) { return r.n; }));
    var bw = W - LW - 60;
    rows.forEach(function (r, i) {
      var y = i * RH, g = svg('g', {class: 'bar hover', 'data-label': r.key, 'data-n': r.n}, s);
      svg('rect', {x: 0, y: y, width: W, height: RH, fill: 'transparent', class: 'hover'}, g);
      var t = label(r);
      svg('text', {x: LW - 8, y: y + 15, 'text-anchor': 'end'}, g, t.length > 44 ? t.slice(0, 42) + '\u2026' : t);
      svg('rect', {x: LW, y: y + 4, width: Math.max(1, bw * r.n / max), height: RH - 8, fill: colour(r)}, g);
      svg('text', {x: LW + bw * r.n / max + 5, y: y + 15}, g, fmt(r.n));
      hover(g, tipText(r));
    });
    var ay = rows.length * RH + 4, ax = svg('g', {class: 'axis'}, s);
    svg('line', {x1: LW, x2: LW + bw, y1: ay, y2: ay}, ax);
    svg('text', {x: LW + bw / 2, y: ay + 18, 'text-anchor': 'middle', class: 'axis-title'}, ax, 'events');
  }

  function topCharts() {
    var title = {actor: 'Top counterparts of ' + D.a, dyad: 'Actors of the dyad',
                 store: 'Top actors (as source or target)'}[D.mode];
    document.getElementById('actors-title').textContent = title;
    bars('actors-chart', D.actors.map(function (r) { return {key: r[0], n: r[1], g: r[2]}; }),
         function (r) { return r.key || '(no actor)'; },
         function (r) { return gcol(r.g / r.n); },
         function (r) { return r.key + '\n' + fmt(r.n) + ' events\nmean Goldstein: ' + fmt1(r.g / r.n); });
    bars('codes-chart', D.codes.map(function (r) { return {key: r[0], q: r[1], n: r[2], g: r[3]}; }),
         function (r) { return r.key + ' ' + codeName(r.key); },
         function (r) { return QCOL[r.q] || QCOL[0]; },
         function (r) { return r.key + ' ' + codeName(r.key) + '\n' + (QUAD[r.q] || '') + '\n' +
                        fmt(r.n) + ' events, Goldstein sum ' + fmt1(r.g); });
  }

  /* ---- network: a small force layout, the same for every run ---- */
  function layout(nodes, edges, W, H) {
    var n = nodes.length;
    nodes.forEach(function (v, i) {
      var a = 2 * Math.PI * i / n;
      v.x = W / 2 + Math.cos(a) * W / 3; v.y = H / 2 + Math.sin(a) * H / 3;
    });
    var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.5;
    for (var it = 0; it < 300; it++) {
      var t = 0.1 * (1 - it / 300) * k;
      nodes.forEach(function (v) { v.dx = 0; v.dy = 0; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
        var d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = k * k / d / d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
      edges.forEach(function (e) {
        var dx = e.s.x - e.t.x, dy = e.s.y - e.t.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        var f = d / k;
        e.s.dx -= dx * f; e.s.dy -= dy * f; e.t.dx += dx * f; e.t.dy += dy * f;
      });
      nodes.forEach(function (v) {
        v.dx += (W / 2 - v.x) * 0.12; v.dy += (H / 2 - v.y) * 0.12 * W / H;
        var d = Math.max(Math.sqrt(v.dx * v.dx + v.dy * v.dy), 1e-9), m = Math.min(d, t);
        v.x += v.dx / d * m; v.y += v.dy / d * m;
      });
    }
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (v) { x0 = Math.min(x0, v.x); x1 = Math.max(x1, v.x); y0 = Math.min(y0, v.y); y1 = Math.max(y1, v.y); });
    nodes.forEach(function (v) {
      v.x = 70 + (x1 > x0 ? (v.x - x0) / (x1 - x0) : 0.5) * (W - 140);
      v.y = 40 + (y1 > y0 ? (v.y - y0) / (y1 - y0) : 0.5) * (H - 80);
    });
  }

  function network() {
    var box = document.getElementById('network-chart');
    if (!D.edges.length) { html('p', {class: 'note'}, box, 'No events with both a source and a target.'); return; }
    var byCode = {}, nodes = [], edges = [], emax = 0;
    function node(c) {
      if (!byCode[c]) { byCode[c] = {code: c, w: 0}; nodes.push(byCode[c]); }
      return byCode[c];
    }
    D.edges.forEach(function (r) {
      var e = {s: node(r[0]), t: node(r[1]), n: r[2], g: r[3]};
      e.s.w += r[2]; e.t.w += r[2]; emax = Math.max(emax, r[2]);
      edges.push(e);
    });
    var W = width('network-chart'), H = nodes.length > 12 ? 560 : 380, wmax = 0;
    nodes.forEach(function (v) { wmax = Math.max(wmax, v.w); });
    layout(nodes, edges, W, H);
    var s = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, id: 'network-svg'}, box);
    var defs = svg('defs', {}, s), marks = {};
    function marker(col) {
      if (!marks[col]) {
        marks[col] = 'm' + Object.keys(marks).length;
        var m = svg('marker', {id: marks[col], viewBox: '0 0 10 10', refX: 9, refY: 5,
                               markerWidth: 3.5, markerHeight: 3.5, orient: 'auto-start-reverse'}, defs);
        svg('path', {d: 'M0,0 L10,5 L0,10 z', fill: col}, m);
      }
      return 'url(#' + marks[col] + ')';
    }
    nodes.forEach(function (v) { v.r = 6 + 16 * Math.sqrt(v.w / wmax); });
    edges.forEach(function (e) {
      var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      var ux = dx / d, uy = dy / d, bend = 0.12 * d;
      var sx = e.s.x + ux * e.s.r, sy = e.s.y + uy * e.s.r, tx = e.t.x - ux * (e.t.r + 2), ty = e.t.y - uy * (e.t.r + 2);
      var cx = (sx + tx) / 2 - uy * bend, cy = (sy + ty) / 2 + ux * bend, col = gcol(e.g);
      var p = svg('path', {d: 'M' + sx.toFixed(1) + ',' + sy.toFixed(1) + ' Q' + cx.toFixed(1) + ',' + cy.toFixed(1) +
                              ' ' + tx.toFixed(1) + ',' + ty.toFixed(1),
                           class: 'edge', fill: 'none', stroke: col, 'stroke-opacity': 0.8,
                           'stroke-width': (1.5 + 6.5 * Math.sqrt(e.n / emax)).toFixed(1),
                           'marker-end': marker(col), 'data-n': e.n}, s);
      hover(p, e.s.code + ' \u2192 ' + e.t.code + '\n' + fmt(e.n) + ' events\nmean Goldstein: ' + fmt1(e.g));
    });
    nodes.forEach(function (v) {
      var g = svg('g', {class: 'node', 'data-code': v.code}, s);
      svg('circle', {cx: v.x, cy: v.y, r: v.r}, g);
      svg('text', {x: v.x, y: v.y - v.r - 4, 'text-anchor': 'middle'}, g, v.code);
      hover(g, v.code + '\n' + fmt(v.w) + ' events in the dyads shown');
    });
  }

  /* ---- the events table ---- */
  var rows = [], sortKey = 1, sortDir = -1;

  /* The table is written as one HTML string (much faster than a node per cell); every
   * text from the data goes through esc(). */
  function esc(t) {
    return String(t).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }
  function evidence(id, nm) {
    var list = D.mentions[id] || [], out = '';
    list.forEach(function (m) {
      var doc = D.docs[m[0]] || ['', '', '', ''];
      var label = m[0] + (doc[1] ? ', ' + doc[1] : '') + (doc[0] ? ', ' + doc[0] : '');
      out += '<p class="ev">' + esc(m[2]) + ' <span class="src">' +
        (/^https?:\/\//.test(doc[2]) ? '<a href="' + esc(doc[2]) + '" title="' + esc(doc[3] || doc[2]) +
                                       '">[' + esc(label) + ']</a>'
                                     : esc('[' + label + (doc[3] ? ': ' + doc[3] : '') + ']')) + '</span></p>';
    });
    if (nm > list.length) out += '<p class="more">+' + fmt(nm - list.length) + ' more reports</p>';
    return out;
  }

  function tableRow(ev) {
    return '<tr><td class="date">' + esc(ev[1] || '(undated)') + '</td><td>' + esc(ev[2] || '-') +
      '</td><td>' + esc(ev[3] || '-') + '</td><td class="code" title="' + esc(QUAD[ev[5]] || '') +
      '"><span class="chip" style="background:' + (QCOL[ev[5]] || QCOL[0]) + '"></span>' +
      esc(ev[4] + ' ' + codeName(ev[4])) + '</td><td class="num">' + fmt1(ev[6]) +
      '</td><td class="num">' + fmt(ev[7]) + '</td><td class="num">' + fmt(ev[8]) + '</td><td>' +
      evidence(ev[0], ev[7]) + '</td></tr>';
  }

  function applyFilters() {
    var code = document.getElementById('f-code').value.trim();
    var actor = document.getElementById('f-actor').value.trim().toUpperCase();
    var text = document.getElementById('f-text').value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ev = r.ev, ok = (!code || ev[4].indexOf(code) === 0) &&
        (!actor || ev[2].indexOf(actor) === 0 || ev[3].indexOf(actor) === 0) &&
        (!text || r.tr.lastChild.textContent.toLowerCase().indexOf(text) >= 0);
      r.tr.style.display = ok ? '' : 'none';
      if (ok) shown++;
    });
    var el = document.getElementById('shown');
    el.setAttribute('data-shown', shown);
    el.textContent = 'showing ' + fmt(shown) + ' of ' + fmt(rows.length) + ' rows';
  }

  function sortBy(k) {
    sortDir = k === sortKey ? -sortDir : (k === 1 ? -1 : 1);
    sortKey = k;
    rows.sort(function (a, b) {
      var x = a.ev[k], y = b.ev[k];
      return (x < y ? -1 : x > y ? 1 : 0) * sortDir || (a.i - b.i);
    });
    var body = document.querySelector('#event-table tbody');
    rows.forEach(function (r) { body.appendChild(r.tr); });
    document.querySelectorAll('#event-table th').forEach(function (th) {
      th.className = +th.getAttribute('data-k') === k ? (sortDir > 0 ? 'asc' : 'desc') : '';
    });
  }

  /* The newest FIRST_ROWS rows are in the first paint; the rest follow right after it
   * (finishTable), then sorting and filtering are switched on. */
  var FIRST_ROWS = 100;
  function table() {
    var body = document.querySelector('#event-table tbody');
    body.innerHTML = D.events.slice(0, FIRST_ROWS).map(tableRow).join('');
    var left = D.totals[0] - D.events.length, note = document.getElementById('table-note');
    note.setAttribute('data-left-out', left);
    note.textContent = left > 0 ? 'The table shows the newest ' + fmt(D.events.length) + ' of ' +
      fmt(D.totals[0]) + ' events; ' + fmt(left) + ' older events were left out (dyad report' +
      ' --max-events N shows more). Up to ' + D.max_mentions + ' evidence sentences per event.'
      : 'All ' + fmt(D.events.length) + ' events. Up to ' + D.max_mentions + ' evidence sentences per event.';
    if (D.events.length <= FIRST_ROWS) finishTable();
  }

  function finishTable() {
    var body = document.querySelector('#event-table tbody');
    if (body.rows.length < D.events.length)
      body.insertAdjacentHTML('beforeend', D.events.slice(FIRST_ROWS).map(tableRow).join(''));
    D.events.forEach(function (ev, i) { rows.push({ev: ev, tr: body.rows[i], i: i}); });
    document.querySelectorAll('#event-table th[data-k]').forEach(function (th) {
      th.addEventListener('click', function () { sortBy(+th.getAttribute('data-k')); });
    });
    ['f-code', 'f-actor', 'f-text'].forEach(function (id) {
      document.getElementById(id).addEventListener('input', applyFilters);
    });
    document.querySelector('#event-table th[data-k="1"]').className = 'desc';
    fromHash();
    applyFilters();
  }

  /* report.html#code=19&actor=AZE&text=troops&sort=-6 opens with those filters and that order
   * (sort: a column's data-k, negative for descending) */
  function fromHash() {
    var h = {};
    location.hash.slice(1).split('&').forEach(function (kv) {
      var p = kv.split('=');
      if (p[0]) h[p[0]] = decodeURIComponent(p[1] || '');
    });
    ['code', 'actor', 'text'].forEach(function (k) {
      if (h[k]) document.getElementById('f-' + k).value = h[k];
    });
    var k = +h.sort;
    if (k && document.querySelector('#event-table th[data-k="' + Math.abs(k) + '"]')) {
      sortBy(Math.abs(k));
      if ((k < 0) !== (sortDir < 0)) sortBy(Math.abs(k));
    }
  }

  /* each part's time in <html data-timing>, the end in data-rendered (ms from navigation) */
  var timing = [];
  [['timeline', timeline], ['bars', topCharts], ['network', network], ['table', table]].forEach(function (p) {
    var t = performance.now();
    p[1]();
    timing.push(p[0] + ':' + Math.round(performance.now() - t));
  });
  document.documentElement.setAttribute('data-timing', timing.join(' '));
  document.documentElement.setAttribute('data-rendered', Math.round(performance.now()));
  /* after the first frame is painted: data-painted (ms from navigation); then the rest of
   * a long table, and data-complete */
  requestAnimationFrame(function () {
    setTimeout(function () {
      document.documentElement.setAttribute('data-painted', Math.round(performance.now()));
      if (!rows.length) finishTable();
      document.documentElement.setAttribute('data-complete', Math.round(performance.now()));
    }, 0);
  });
})();
