/* netbuild HTML report: draws the network that netbuild embedded in this
 * file (script#nb-data, a node-link document; script#nb-run, the run's
 * summary) with cytoscape.js, also embedded. Everything is built with DOM
 * calls and textContent, never innerHTML: labels and sentences come from
 * articles and may hold markup. Nothing is fetched: the page's
 * Content-Security-Policy forbids it. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('nb-data').textContent);
  var run = JSON.parse(document.getElementById('nb-run').textContent);
  var RELS = ['funds', 'commands', 'condemns', 'attacked'];
  var REL_STYLE = {
    funds: { color: '#1B9E77', line: 'solid', arrow: 'triangle', width: 1 },
    commands: { color: '#2F5DB8', line: 'solid', arrow: 'triangle', width: 1.6 },
    condemns: { color: '#E66101', line: 'dashed', arrow: 'vee', width: 1 },
    attacked: { color: '#D7191C', line: 'solid', arrow: 'triangle-tee', width: 1 }
  };
  var KINDS = [['country', '#0072B2'], ['organization', '#E69F00'], ['person', '#009E73'],
    ['group', '#CC79A7'], ['unknown', '#999999']];
  /* Big graphs start with the heaviest edges only: drawing 20,000 edges at
   * once makes the page unusable; "show more" adds a step at a time. */
  var STEP = 1500;
  var limit = STEP;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v, d) { return Number(v).toFixed(d === undefined ? 3 : d); }

  var nodeById = {}, edgeById = {}, edgesOf = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; edgesOf[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    edgesOf[e.source].push(e);
    if (e.target !== e.source) edgesOf[e.target].push(e);
  });

  /* The layout netbuild computed, scaled so that nodes are not piled up. */
  var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  data.nodes.forEach(function (n) {
    minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
  });
  var span = Math.max(maxX - minX, maxY - minY) || 1;
  var scale = Math.max(600, Math.sqrt(data.nodes.length) * 90) / span;

  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: 'nodes', data: { id: n.id, label: n.label, color: n.color, size: n.size },
      position: { x: (n.x - minX) * scale, y: (n.y - minY) * scale } });
  });
  data.edges.forEach(function (e) {
    var w = 1 + 1.5 * Math.log(Math.max(1, e.weight));
    elements.push({ group: 'edges', classes: e.relation, data: { id: e.id, source: e.source, target: e.target,
      w: Math.min(8, w) * REL_STYLE[e.relation].width } });
  });

  var style = [
    { selector: 'node', style: { 'background-color': 'data(color)', 'label': 'data(label)',
      'width': 'mapData(size, 10, 100, 10, 48)', 'height': 'mapData(size, 10, 100, 10, 48)',
      'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 7,
      'border-width': 1, 'border-color': '#333', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
    { selector: 'edge', style: { 'width': 'data(w)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9, 'opacity': 0.85 } },
    { selector: '.hidden', style: { 'display': 'none' } },
    { selector: '.match', style: { 'border-width': 4, 'border-color': '#ff00aa' } },
    { selector: '.faded', style: { 'opacity': 0.12 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } },
    { selector: 'edge:selected', style: { 'width': 6, 'opacity': 1 } }
  ];
  RELS.forEach(function (r) {
    var s = REL_STYLE[r];
    style.push({ selector: 'edge.' + r, style: { 'line-color': s.color, 'target-arrow-color': s.color,
      'line-style': s.line, 'target-arrow-shape': s.arrow } });
  });

  var big = data.nodes.length > 1500;
  var cy = cytoscape({ container: document.getElementById('cy'), elements: elements, style: style,
    layout: { name: 'preset', fit: true, padding: 60 }, minZoom: 0.02, maxZoom: 8,
    textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : 'auto' });

  /* ---- filters: relation, minimum weight, how many edges ---- */
  var order = data.edges.slice().sort(function (a, b) { return b.weight - a.weight || (a.id < b.id ? -1 : 1); });
  var relBox = {}, minWeight, status, moreBtn, allBtn;
  var bar = document.getElementById('bar');
  RELS.forEach(function (r) {
    var lab = el('label', { title: 'show ' + r + ' edges' });
    var box = el('input', { type: 'checkbox', 'data-rel': r });
    box.checked = true;
    box.addEventListener('change', apply);
    relBox[r] = box;
    lab.appendChild(box);
    var sw = el('span', { 'class': 'swatch' });
    sw.style.borderTopColor = REL_STYLE[r].color;
    sw.style.borderTopStyle = REL_STYLE[r].line;
    lab.appendChild(sw);
    lab.appendChild(document.createTextNode(r));
    bar.appendChild(lab);
  });
  var maxW = 1;
  data.edges.forEach(function (e) { maxW = Math.max(maxW, e.weight); });
  var wl = el('label', null, 'min. mentions ');
  minWeight = el('input', { type: 'number', min: '1', max: String(maxW), value: '1', step: '1', style: 'width:4.5em', id: 'minweight' });
  minWeight.addEventListener('input', apply);
  wl.appendChild(minWeight);
  bar.appendChild(wl);
  status = el('span', { id: 'status', 'class': 'muted' });
  bar.appendChild(status);
  moreBtn = el('button', { type: 'button', id: 'more' }, 'show more');
  moreBtn.addEventListener('click', function () { limit += STEP; apply(); });
  allBtn = el('button', { type: 'button', id: 'all' }, 'show all');
  allBtn.addEventListener('click', function () { limit = Infinity; apply(); });
  bar.appendChild(moreBtn);
  bar.appendChild(allBtn);

  function apply() {
    var minW = Number(minWeight.value) || 1;
    var cand = order.filter(function (e) { return relBox[e.relation].checked && e.weight >= minW; });
    var shown = {}, touched = {};
    cand.slice(0, limit).forEach(function (e) { shown[e.id] = true; touched[e.source] = touched[e.target] = true; });
    var filtered = minW > 1 || RELS.some(function (r) { return !relBox[r].checked; });
    cy.batch(function () {
      cy.edges().forEach(function (ed) { ed.toggleClass('hidden', !shown[ed.id()]); });
      /* actors without any edge (--all-actors) stay visible until a filter is on */
      cy.nodes().forEach(function (nd) {
        var id = nd.id();
        nd.toggleClass('hidden', !touched[id] && (filtered || edgesOf[id].length > 0));
      });
    });
    var n = Math.min(cand.length, limit);
    status.textContent = n + ' of ' + data.edges.length + ' edges shown';
    moreBtn.disabled = allBtn.disabled = n >= cand.length;
  }

  /* ---- the info panel: a node's edges, an edge's evidence ---- */
  var info = document.getElementById('info');
  function clearInfo() { while (info.firstChild) info.removeChild(info.firstChild); info.removeAttribute('data-shown'); }
  function closeBtn() {
    var c = el('span', { 'class': 'close', title: 'close' }, '\u00d7');
    c.addEventListener('click', function () { clearInfo(); cy.elements().unselect(); });
    return c;
  }
  function nodeLink(id) {
    var a = el('span', { 'class': 'link' }, nodeById[id].label || '(no name)');
    a.addEventListener('click', function () { showNode(id, true); });
    return a;
  }
  function edgeLine(e) {
    var line = el('div');
    line.appendChild(nodeLink(e.source));
    var r = el('span', { 'class': 'link' }, ' \u2014' + e.relation + '\u2192 ');
    r.style.color = REL_STYLE[e.relation].color;
    r.addEventListener('click', function () { showEdge(e.id, true); });
    line.appendChild(r);
    line.appendChild(nodeLink(e.target));
    line.appendChild(el('span', { 'class': 'muted' }, ' (' + e.weight + ')'));
    return line;
  }
  function focus(ele) {
    cy.elements().unselect();
    ele.select();
    cy.animate({ center: { eles: ele }, duration: 250 });
  }
  function showNode(id, move) {
    var n = nodeById[id];
    clearInfo();
    info.setAttribute('data-shown', id);
    info.appendChild(closeBtn());
    info.appendChild(el('h3', null, n.label || '(no name)'));
    info.appendChild(el('div', { 'class': 'muted' }, n.kind + ', ' + n.mentions + ' mentions, PageRank ' +
      fmt(n.pagerank) + ', betweenness ' + fmt(n.betweenness, 1) + ', community ' + n.community));
    if (n.aliases.length) info.appendChild(el('div', { 'class': 'muted' }, 'also: ' + n.aliases.join('; ')));
    var list = edgesOf[id].slice().sort(function (a, b) { return b.weight - a.weight; });
    info.appendChild(el('div', null, list.length + ' edge(s):'));
    list.forEach(function (e) { info.appendChild(edgeLine(e)); });
    if (move) focus(cy.getElementById(id));
  }
  /* Marks the actors' names (label and aliases) in a sentence. */
  function highlighted(sentence, e) {
    var names = [];
    [[e.source, 'src'], [e.target, 'dst']].forEach(function (p) {
      var n = nodeById[p[0]];
      [n.label].concat(n.aliases).forEach(function (s) { if (s && s.length > 1) names.push([s.toLowerCase(), p[1]]); });
    });
    names.sort(function (a, b) { return b[0].length - a[0].length; });
    var low = sentence.toLowerCase(), ranges = [];
    if (low.length === sentence.length) {
      names.forEach(function (nm) {
        var at = low.indexOf(nm[0]);
        while (at >= 0) {
          var end = at + nm[0].length;
          if (!ranges.some(function (r) { return at < r[1] && end > r[0]; })) ranges.push([at, end, nm[1]]);
          at = low.indexOf(nm[0], end);
        }
      });
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var q = el('q'), pos = 0;
    ranges.forEach(function (r) {
      q.appendChild(document.createTextNode(sentence.slice(pos, r[0])));
      q.appendChild(el('mark', { 'class': r[2] }, sentence.slice(r[0], r[1])));
      pos = r[1];
    });
    q.appendChild(document.createTextNode(sentence.slice(pos)));
    return q;
  }
  function showEdge(id, move) {
    var e = edgeById[id];
    clearInfo();
    info.setAttribute('data-shown', id);
    info.appendChild(closeBtn());
    var h = el('h3');
    h.appendChild(nodeLink(e.source));
    var r = el('span', null, ' ' + e.relation + ' ');
    r.style.color = REL_STYLE[e.relation].color;
    h.appendChild(r);
    h.appendChild(nodeLink(e.target));
    info.appendChild(h);
    var seen = e.first_seen ? ', seen ' + e.first_seen + (e.last_seen !== e.first_seen ? ' to ' + e.last_seen : '') : '';
    info.appendChild(el('div', { 'class': 'muted' }, e.weight + ' mention(s) in ' + e.articles.length + ' article(s)' + seen));
    /* what a funds edge gives (money, weapons, ...), as in the GraphML */
    if (e.support)
      info.appendChild(el('div', { 'class': 'support' }, 'Support: ' + e.support.split(';').join(', ')));
    var ul = el('ul', { 'class': 'evl' });
    e.evidence.forEach(function (ev) {
      var li = el('li', { 'class': 'ev' });
      li.appendChild(highlighted(ev.sentence, e));
      li.appendChild(el('div', { 'class': 'where' }, ev.article + ', byte ' + ev.offset +
        (ev.date ? ', ' + ev.date : '') + ' [' + ev.pattern + ']'));
      ul.appendChild(li);
    });
    info.appendChild(ul);
    if (e.weight > e.evidence.length)
      info.appendChild(el('div', { 'class': 'muted' }, (e.weight - e.evidence.length) +
        ' more mention(s); the first ' + e.evidence.length + ' are kept as evidence'));
    if (move) focus(cy.getElementById(id));
  }
  cy.on('tap', 'node', function (ev) { showNode(ev.target.id(), false); });
  cy.on('tap', 'edge', function (ev) { showEdge(ev.target.id(), false); });
  cy.on('tap', function (ev) { if (ev.target === cy) clearInfo(); });

  /* ---- search ---- */
  var search = document.getElementById('search'), results = document.getElementById('results');
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    while (results.firstChild) results.removeChild(results.firstChild);
    var hits = !q ? [] : data.nodes.filter(function (n) {
      return n.label.toLowerCase().indexOf(q) >= 0 ||
        n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
    cy.batch(function () {
      cy.nodes().removeClass('match');
      hits.forEach(function (n) { cy.getElementById(n.id).addClass('match'); });
    });
    hits.slice(0, 20).forEach(function (n) { var d = el('div'); d.appendChild(nodeLink(n.id)); results.appendChild(d); });
    if (hits.length > 20) results.appendChild(el('div', { 'class': 'muted' }, (hits.length - 20) + ' more'));
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    var first = results.querySelector('.link');
    if (first) first.click();
  });

  /* ---- side panel: summary, top actors, components, communities ---- */
  var side = document.getElementById('panel');
  function table(head, rows) {
    var t = el('table'), tr = el('tr');
    head.forEach(function (h, i) { tr.appendChild(el('th', i ? { 'class': 'num' } : null, h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c, i) {
        var td = el('td', i ? { 'class': 'num' } : null);
        if (c instanceof Node) td.appendChild(c); else td.textContent = c;
        row.appendChild(td);
      });
      t.appendChild(row);
    });
    return t;
  }
  var perRel = {}, mentions = {};
  RELS.forEach(function (r) { perRel[r] = 0; mentions[r] = 0; });
  data.edges.forEach(function (e) { perRel[e.relation]++; mentions[e.relation] += e.weight; });
  side.appendChild(el('h2', null, 'Run'));
  var runRows = [['articles read', run.read], ['files skipped', run.skipped.length],
    ['duplicates counted once', run.duplicates], ['netbuild outputs ignored', run.own_outputs],
    ['articles without a date', run.undated]].concat(run.out_of_range ?
    [['left out by --since/--until', run.out_of_range]] : []).concat([['actors', data.nodes.length], ['edges', data.edges.length]]);
  side.appendChild(table(['', ''], runRows));
  if (run.skipped.length) {
    var det = el('details'), ul = el('ul');
    det.appendChild(el('summary', null, 'skipped files and why'));
    run.skipped.forEach(function (s) { ul.appendChild(el('li', null, s.path + ': ' + s.reason)); });
    det.appendChild(ul);
    side.appendChild(det);
  }
  side.appendChild(table(['relation', 'edges', 'mentions'], RELS.map(function (r) {
    var s = el('span'), sw = el('span', { 'class': 'swatch' });
    sw.style.borderTopColor = REL_STYLE[r].color;
    sw.style.borderTopStyle = REL_STYLE[r].line;
    s.appendChild(sw); s.appendChild(document.createTextNode(r));
    return [s, perRel[r], mentions[r]];
  })));
  side.appendChild(el('h2', null, 'Legend'));
  var kinds = el('div');
  KINDS.forEach(function (k) {
    var d = el('span', { 'class': 'dot' });
    d.style.background = k[1];
    kinds.appendChild(d);
    kinds.appendChild(document.createTextNode(k[0] + '  '));
  });
  side.appendChild(kinds);
  side.appendChild(el('div', { 'class': 'muted' }, 'Node size: PageRank. Edge width: mentions. Click a node for its edges, an edge for its evidence.'));
  function top(metric, title, digits) {
    side.appendChild(el('h2', null, title));
    var best = data.nodes.slice().sort(function (a, b) { return b[metric] - a[metric] || (a.label < b.label ? -1 : 1); }).slice(0, 10);
    side.appendChild(table(['actor', metric], best.map(function (n) { return [nodeLink(n.id), fmt(n[metric], digits)]; })));
  }
  top('pagerank', 'Top actors by PageRank', 3);
  top('betweenness', 'Top actors by betweenness', 1);
  function groups(key, title, what) {
    var by = {};
    data.nodes.forEach(function (n) { (by[n[key]] = by[n[key]] || []).push(n); });
    var ids = Object.keys(by).sort(function (a, b) { return by[b].length - by[a].length || a - b; });
    side.appendChild(el('h2', null, title + ' (' + ids.length + ')'));
    side.appendChild(table([what, 'actors'], ids.slice(0, 8).map(function (id) {
      var members = by[id].slice().sort(function (a, b) { return b.pagerank - a.pagerank; });
      var s = el('span');
      members.slice(0, 4).forEach(function (n, i) { if (i) s.appendChild(document.createTextNode(', ')); s.appendChild(nodeLink(n.id)); });
      if (members.length > 4) s.appendChild(document.createTextNode(', \u2026'));
      return [s, members.length];
    })));
  }
  groups('weak_component', 'Components', 'largest, by PageRank');
  groups('community', 'Communities (Louvain)', 'members, by PageRank');

  apply();
  /* fit what is shown: a big graph starts with part of it hidden */
  cy.fit(cy.elements().not('.hidden'), 60);
  /* #edge=ID or #node=ID opens one at load, as a tap on it would (links,
   * and the browser test). */
  var m = /^#(edge|node)=(.+)$/.exec(location.hash);
  if (m) {
    var target = cy.getElementById(decodeURIComponent(m[2]));
    if (target.nonempty()) target.emit('tap');
  }
  document.body.setAttribute('data-nb-state', 'ready');
})();
