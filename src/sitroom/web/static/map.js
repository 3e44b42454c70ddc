/* The case map: admin1 regions from the shipped Natural Earth cut-out, shaded by events, and a
   circle per place. No tiles: everything comes from this server. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: true, scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(url + ": " + r.status); } return r.json(); });
  }
  function shade(n, top) {
    if (!n) { return "#f4f6f8"; }
    var t = Math.sqrt(n / top);
    var l = Math.round(92 - t * 45);
    return "hsl(205, 55%, " + l + "%)";
  }
  getJSON(el.getAttribute("data-map")).then(function (data) {
    var counts = data.regions || {};
    var top = 1;
    Object.keys(counts).forEach(function (k) { top = Math.max(top, counts[k]); });
    return Promise.all(data.boundaries.map(getJSON)).then(function (layers) {
      var bounds = null;
      layers.forEach(function (gj) {
        var layer = L.geoJSON(gj, {
          style: function (f) {
            return { color: "#7d8a96", weight: 1, fillOpacity: 0.9,
                     fillColor: shade(counts[f.properties.name] || 0, top) };
          },
          onEachFeature: function (f, lyr) {
            var n = counts[f.properties.name] || 0;
            lyr.bindTooltip(f.properties.name + ": " + n + " event" + (n === 1 ? "" : "s"));
            lyr.getElement && lyr.on("add", function () {
              var p = lyr.getElement(); if (p) { p.setAttribute("data-region", f.properties.name); }
            });
          }
        }).addTo(map);
        bounds = bounds ? bounds.extend(layer.getBounds()) : layer.getBounds();
      });
      var markers = L.featureGroup();
      (data.points || []).forEach(function (p) {
        var m = L.circleMarker([p.lat, p.lon], {
          radius: Math.min(4 + Math.sqrt(p.events) * 2.5, 22), color: "#0f3550", weight: 1,
          fillColor: p.fatalities ? "#b2182b" : "#1f5f8b", fillOpacity: 0.75,
          className: "event-marker"
        });
        m.bindTooltip((p.location || "?") + " (" + (p.region || "outside the regions") + "): " +
                      p.events + " event" + (p.events === 1 ? "" : "s"));
        m.on("click", function () {
          window.location.href = "/cases/" + encodeURIComponent(el.getAttribute("data-case")) +
            "/events?place=" + encodeURIComponent(p.location || p.admin1 || "");
        });
        m.on("add", function () {
          var node = m.getElement();
          if (node) {
            node.setAttribute("data-region", p.region || "");
            node.setAttribute("data-place", p.location || "");
            node.setAttribute("data-events", String(p.events));
          }
        });
        markers.addLayer(m);
      });
      markers.addTo(map);
      if (bounds) { map.fitBounds(bounds, { padding: [8, 8] }); }
      else if (markers.getLayers().length) { map.fitBounds(markers.getBounds().pad(0.5)); }
      else { map.setView([20, 0], 2); }
      el.setAttribute("data-ready", String(markers.getLayers().length));
    });
  }).catch(function (err) {
    el.textContent = "The map could not load: " + err.message;
    el.setAttribute("data-ready", "error");
  });
})();
