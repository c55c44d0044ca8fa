/*
 * The network's map: every place of /api/v1/network/places.geojson as a Leaflet marker, over OpenStreetMap
 * tiles the visitor's browser loads itself. The page also lists the places, so nothing is lost without it.
 * No inline script: the page passes what it needs in data-* attributes of #network-map.
 */
(function () {
  'use strict';

  function start(element, tries) {
    if (!window.L) {
      // loaded by htmx after a boosted link, Leaflet may still be on its way
      if (tries < 100) {
        setTimeout(function () { start(element, tries + 1); }, 50);
      }
      return;
    }
    if (element.dataset.ready) {
      return;
    }
    element.dataset.ready = 'true';
    var map = L.map(element, { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '<a href="https://www.openstreetmap.org/copyright">' + escapeHtml(element.dataset.attribution || '© OpenStreetMap') + '</a>'
    }).addTo(map);
    fetch(element.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          onEachFeature: function (feature, marker) {
            var p = feature.properties || {};
            var html = '<strong>' + escapeHtml(p.name) + '</strong>'
              + (p.city ? '<br>' + escapeHtml(p.city) : '')
              + '<br><a class="map-popup-link" href="' + escapeHtml(p.page || ('/network/places/' + p.slug)) + '">'
              + escapeHtml(element.dataset.open || 'Open') + '</a>';
            marker.bindPopup(html);
            marker.on('add', function () {
              var icon = marker.getElement && marker.getElement();
              if (icon) {
                icon.setAttribute('data-slug', p.slug);
                icon.setAttribute('title', p.name);
                icon.setAttribute('alt', p.name);
              }
            });
          }
        }).addTo(map);
        var bounds = layer.getBounds();
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [40, 40], maxZoom: 13 });
        }
        element.dataset.markers = String(collection.features.length);
      })
      .catch(function () {
        element.dataset.markers = 'error';
      });
  }

  function escapeHtml(text) {
    return String(text == null ? '' : text)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function startAll() {
    var element = document.getElementById('network-map');
    if (element) {
      start(element, 0);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startAll);
  } else {
    startAll();
  }
  document.addEventListener('htmx:afterSettle', startAll);
})();
