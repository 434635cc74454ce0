/*
 * dbsurveyor report: the server page's list (sort, filter, pages), the search box, diagrams and
 * highlighting. Every name is inserted as text (textContent), never as markup: names come from
 * database catalogs and are hostile input.
 */
(function () {
  'use strict';

  var body = document.body;
  var root = body.getAttribute('data-root') || '';
  var kind = body.getAttribute('data-kind');
  var PAGE_SIZE = 100;
  var MAX_RESULTS = 100;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function link(text, href) {
    var anchor = element('a', text);
    anchor.setAttribute('href', href);
    return anchor;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () { script.remove(); resolve(); };
      script.onerror = function () { script.remove(); reject(new Error('cannot load ' + src)); };
      document.head.appendChild(script);
    });
  }

  function size(bytes) {
    if (bytes === null || bytes === undefined) {
      return '';
    }
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    var value = bytes;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit === 0 ? bytes + ' B' : value.toFixed(1) + ' ' + units[unit];
  }

  /* The server page: rows are [name, href, status, detail, size, tables, views, indexes,
     constraints, routines, triggers, types, failures, collectedAt, durationMs]. */
  var COLUMNS = {name: 0, status: 2, size: 4, tables: 5, views: 6, indexes: 7, constraints: 8, routines: 9,
    triggers: 10, types: 11, failures: 12, collectedAt: 13, duration: 14};

  function serverPage() {
    var rows = window.dbsurveyorDatabases || [];
    var table = document.getElementById('database-table');
    var tbody = table.querySelector('tbody');
    var nameFilter = document.getElementById('filter-name');
    var statusFilter = document.getElementById('filter-status');
    var count = document.getElementById('database-count');
    var pageNumber = document.getElementById('page-number');
    var previous = document.getElementById('page-previous');
    var next = document.getElementById('page-next');
    var state = {sort: 'name', descending: false, page: 0};
    var shown = rows;

    function compare(a, b) {
      var column = COLUMNS[state.sort];
      var x = a[column], y = b[column];
      var order;
      if (x === null || x === undefined || x === '') {
        order = (y === null || y === undefined || y === '') ? 0 : 1;
      } else if (y === null || y === undefined || y === '') {
        order = -1;
      } else if (typeof x === 'number') {
        order = x - y;
      } else {
        order = x < y ? -1 : x > y ? 1 : 0;
      }
      if (order === 0 && column !== 0) {
        order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      }
      return state.descending ? -order : order;
    }

    function select() {
      var needle = nameFilter.value.trim().toLowerCase();
      var status = statusFilter.value;
      shown = rows.filter(function (row) {
        return (!needle || row[0].toLowerCase().indexOf(needle) >= 0) && (!status || row[2] === status);
      });
      shown.sort(compare);
      state.page = Math.min(state.page, Math.max(0, Math.ceil(shown.length / PAGE_SIZE) - 1));
      render();
    }

    function render() {
      var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      var start = state.page * PAGE_SIZE;
      var fragment = document.createDocumentFragment();
      shown.slice(start, start + PAGE_SIZE).forEach(function (row) {
        var tr = element('tr');
        tr.setAttribute('data-status', row[2]);
        var name = element('td');
        name.appendChild(link(row[0], row[1]));
        tr.appendChild(name);
        var status = element('td');
        var badge = element('span', row[2], 'status status-' + row[2].toLowerCase());
        if (row[3]) {
          badge.title = row[3];
        }
        status.appendChild(badge);
        tr.appendChild(status);
        tr.appendChild(element('td', size(row[4]), 'number'));
        for (var i = 5; i <= 12; i++) {
          tr.appendChild(element('td', row[2] === 'Success' ? row[i] : '', 'number'));
        }
        tr.appendChild(element('td', row[13]));
        tr.appendChild(element('td', row[14] === null ? '' : row[14] + ' ms', 'number'));
        fragment.appendChild(tr);
      });
      tbody.replaceChildren(fragment);
      count.textContent = shown.length + ' of ' + rows.length + ' databases';
      pageNumber.textContent = 'page ' + (state.page + 1) + ' of ' + pages;
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      table.querySelectorAll('button.sort').forEach(function (button) {
        var column = button.getAttribute('data-column');
        button.parentNode.setAttribute('aria-sort', column === state.sort ? (state.descending ? 'descending' : 'ascending') : 'none');
      });
    }

    table.querySelectorAll('button.sort').forEach(function (button) {
      button.addEventListener('click', function () {
        var column = button.getAttribute('data-column');
        state.descending = state.sort === column ? !state.descending : false;
        state.sort = column;
        select();
      });
    });
    nameFilter.addEventListener('input', function () { state.page = 0; select(); });
    statusFilter.addEventListener('change', function () { state.page = 0; select(); });
    previous.addEventListener('click', function () { state.page--; render(); });
    next.addEventListener('click', function () { state.page++; render(); });
    document.getElementById('database-controls').addEventListener('submit', function (event) { event.preventDefault(); });
    select();
  }

  /* The search box: shards of [database, href, [[table, anchor, [column, ...]], ...]] loaded on first use. */
  function searchBox() {
    var input = document.getElementById('search');
    var list = document.getElementById('search-results');
    if (!input) {
      return;
    }
    var shards = null;
    var loading = null;
    var generation = 0;
    var timer = null;

    function load() {
      if (!loading) {
        loading = loadScript(root + 'data/search.js').then(function () {
          var total = window.dbsurveyorSearchShards || 0;
          shards = [];
          var chain = Promise.resolve();
          for (var i = 0; i < total; i++) {
            (function (index) {
              chain = chain.then(function () {
                return loadScript(root + 'data/search-' + index + '.js').then(function () {
                  shards.push(window['dbsurveyorSearch' + index]);
                  delete window['dbsurveyorSearch' + index];
                });
              });
            })(i);
          }
          return chain;
        }).catch(function () {
          shards = shards || [];
        });
      }
      return loading;
    }

    function result(text, where, href) {
      var item = element('li');
      item.appendChild(link(text, root + href));
      if (where) {
        item.appendChild(element('span', ' ' + where, 'where'));
      }
      return item;
    }

    function search() {
      var needle = input.value.trim().toLowerCase();
      var mine = ++generation;
      if (needle.length < 2) {
        list.hidden = true;
        list.replaceChildren();
        return;
      }
      load().then(function () {
        if (mine !== generation) {
          return;
        }
        var found = [];
        outer:
        for (var s = 0; s < shards.length; s++) {
          var databases = shards[s];
          for (var d = 0; d < databases.length; d++) {
            var database = databases[d];
            if (database[0].toLowerCase().indexOf(needle) >= 0) {
              found.push(result(database[0], 'database', database[1]));
            }
            var tables = database[2];
            for (var t = 0; t < tables.length; t++) {
              var table = tables[t];
              var target = database[1] + '#' + table[1];
              if (table[0].toLowerCase().indexOf(needle) >= 0) {
                found.push(result(table[0], 'in ' + database[0], target));
              }
              var columns = table[2];
              for (var c = 0; c < columns.length; c++) {
                if (columns[c].toLowerCase().indexOf(needle) >= 0) {
                  found.push(result(table[0] + '.' + columns[c], 'column, in ' + database[0], target));
                }
              }
              if (found.length > MAX_RESULTS) {
                break outer;
              }
            }
          }
        }
        var fragment = document.createDocumentFragment();
        found.slice(0, MAX_RESULTS).forEach(function (item) { fragment.appendChild(item); });
        if (found.length === 0) {
          fragment.appendChild(element('li', 'Nothing found', 'none'));
        } else if (found.length > MAX_RESULTS) {
          fragment.appendChild(element('li', 'More than ' + MAX_RESULTS + ' found: type more', 'none'));
        }
        list.replaceChildren(fragment);
        list.hidden = false;
      });
    }

    input.addEventListener('focus', load);
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        input.value = '';
        search();
      }
    });
  }

  function diagrams() {
    if (!window.mermaid) {
      return;
    }
    window.mermaid.initialize({startOnLoad: false, securityLevel: 'strict', maxTextSize: 200000, er: {useMaxWidth: true}});
    var now = document.querySelectorAll('pre.mermaid');
    if (now.length) {
      window.mermaid.run({nodes: now});
    }
    document.querySelectorAll('details.er-lazy').forEach(function (details) {
      details.addEventListener('toggle', function () {
        if (!details.open || details.querySelector('pre.mermaid')) {
          return;
        }
        var source = details.querySelector('pre.mermaid-source');
        var diagram = element('pre', source.textContent, 'mermaid');
        details.appendChild(diagram);
        window.mermaid.run({nodes: [diagram]});
      });
    });
  }

  function highlighting() {
    if (!window.hljs) {
      return;
    }
    var blocks = document.querySelectorAll('pre.definition code');
    if (!('IntersectionObserver' in window)) {
      blocks.forEach(function (block) { window.hljs.highlightElement(block); });
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          window.hljs.highlightElement(entry.target);
        }
      });
    }, {rootMargin: '200px'});
    blocks.forEach(function (block) { observer.observe(block); });
  }

  function changeFilter() {
    var filter = document.getElementById('filter-change');
    if (!filter) {
      return;
    }
    document.getElementById('change-controls').addEventListener('submit', function (event) { event.preventDefault(); });
    filter.addEventListener('change', function () {
      document.querySelectorAll('#change-table tbody tr').forEach(function (row) {
        row.hidden = filter.value !== '' && row.getAttribute('data-change') !== filter.value;
      });
    });
  }

  searchBox();
  if (kind === 'server') {
    serverPage();
  }
  if (kind === 'diff') {
    changeFilter();
  }
  diagrams();
  highlighting();
})();
