// ical.js's side of Nabo's iCalendar benchmark (run by benches/ical/run.sh).
//
//   node js_bench.mjs export SPEC.json OUT.ics [--repeat N]
//   node js_bench.mjs parse FILE [--repeat N] [--expand] [--dump OUT.txt]
//
// export: builds ical.js's own model (Component, Property, Time with the file's
// Europe/Copenhagen zone, Recur, Duration) from the same plain records Nabo's driver uses
// (SPEC.json, read before timing) and serialises it with toString(). Timed: model +
// serialise, and serialise alone.
//
// parse: ICAL.parse + Component, the file's VTIMEZONEs registered, then every VEVENT as an
// ICAL.Event with DTSTART/DTEND (and its EXDATEs and RECURRENCE-ID) converted to UTC:
// parsing with time zones resolved, no expansion. With --expand, every series is expanded
// with Event.iterator() (RecurExpansion: RRULE, EXDATE) and getOccurrenceDetails (the
// RECURRENCE-ID overrides) inside the same window as Nabo's read_busy (1 year before to
// 2 years after 2026-06-01T00:00Z), each occurrence's start and end in UTC.
//
// Overrides are related to their series by UID through a map: ICAL.Event's default (scan
// every VEVENT of the parent for each event) is quadratic and would be unfair to ical.js.
//
// Prints one JSON line with the in-process times in milliseconds.

import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ICAL from 'ical.js';

const NOW = Date.UTC(2026, 5, 1) / 1000;
const DAY = 86400;
const WINDOW = [NOW - 366 * DAY, NOW + 2 * 366 * DAY];
const TZID = 'Europe/Copenhagen';

// The same VTIMEZONE text Nabo writes.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Copenhagen',
  'X-LIC-LOCATION:Europe/Copenhagen',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

function local(text, zone) {
  // "YYYY-MM-DDTHH:MM" as Copenhagen wall-clock time.
  const t = ICAL.Time.fromData(
    {
      year: +text.slice(0, 4),
      month: +text.slice(5, 7),
      day: +text.slice(8, 10),
      hour: +text.slice(11, 13),
      minute: +text.slice(14, 16),
      second: 0,
      isDate: false,
    },
    zone,
  );
  return t;
}

function zoned(comp, name, time) {
  const p = new ICAL.Property(name);
  p.setParameter('tzid', TZID);
  p.setValue(time);
  comp.addProperty(p);
}

function utcTime(text) {
  // "YYYY-MM-DDTHH:MM:SSZ"
  const t = ICAL.Time.fromDateTimeString(text.slice(0, 19));
  t.zone = ICAL.Timezone.utcTimezone;
  return t;
}

function words(comp, spec) {
  comp.addPropertyWithValue('summary', spec.summary);
  if (spec.location !== null) comp.addPropertyWithValue('location', spec.location);
  if (spec.description !== null) comp.addPropertyWithValue('description', spec.description);
}

function alarm(comp, minutes) {
  const a = new ICAL.Component('valarm');
  a.addPropertyWithValue('action', 'DISPLAY');
  a.addPropertyWithValue('description', 'Påmindelse');
  a.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-60 * minutes));
  comp.addSubcomponent(a);
}

function build(specs) {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', '-//Nabo//Nabo benchmark//DA');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', 'Nabo benchmark');
  cal.addPropertyWithValue('x-wr-timezone', TZID);
  const vtimezone = new ICAL.Component(ICAL.parse(VTIMEZONE));
  cal.addSubcomponent(vtimezone);
  const zone = new ICAL.Timezone(vtimezone);
  const stamp = utcTime('2026-06-01T00:00:00Z');
  for (const spec of specs) {
    const created = utcTime(spec.created);
    const start = local(spec.start, zone);
    const end = start.clone();
    end.addDuration(ICAL.Duration.fromSeconds(60 * spec.minutes));
    const e = new ICAL.Component('vevent');
    e.addPropertyWithValue('uid', spec.uid);
    e.addPropertyWithValue('dtstamp', stamp);
    e.addPropertyWithValue('created', created);
    e.addPropertyWithValue('last-modified', created);
    e.addPropertyWithValue('sequence', spec.sequence);
    zoned(e, 'dtstart', start);
    zoned(e, 'dtend', end);
    if (spec.rrule !== null) {
      e.addPropertyWithValue('rrule', ICAL.Recur.fromString(spec.rrule));
      for (const x of spec.exdates) zoned(e, 'exdate', local(x, zone));
    }
    words(e, spec);
    e.addPropertyWithValue('status', spec.cancelled ? 'CANCELLED' : 'CONFIRMED');
    e.addPropertyWithValue('transp', 'OPAQUE');
    if (spec.alarm_minutes !== null) alarm(e, spec.alarm_minutes);
    cal.addSubcomponent(e);
    for (const o of spec.overrides) {
      const moved = local(o.start, zone);
      const movedEnd = moved.clone();
      movedEnd.addDuration(ICAL.Duration.fromSeconds(60 * o.minutes));
      const v = new ICAL.Component('vevent');
      v.addPropertyWithValue('uid', spec.uid);
      v.addPropertyWithValue('dtstamp', stamp);
      v.addPropertyWithValue('last-modified', created);
      v.addPropertyWithValue('sequence', spec.sequence);
      zoned(v, 'recurrence-id', local(o.original, zone));
      zoned(v, 'dtstart', moved);
      zoned(v, 'dtend', movedEnd);
      words(v, spec);
      v.addPropertyWithValue('status', o.cancelled ? 'CANCELLED' : 'CONFIRMED');
      v.addPropertyWithValue('transp', 'OPAQUE');
      if (spec.alarm_minutes !== null) alarm(v, spec.alarm_minutes);
      cal.addSubcomponent(v);
    }
  }
  return cal;
}

const ms = (t0) => Math.round((performance.now() - t0) * 1000) / 1000;

function exportCalendar(specPath, outPath, repeat) {
  const specs = JSON.parse(readFileSync(specPath, 'utf8'));
  const total = [];
  const serialise = [];
  let text = '';
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const cal = build(specs);
    const t1 = performance.now();
    text = cal.toString();
    serialise.push(ms(t1));
    total.push(ms(t0));
  }
  writeFileSync(outPath, text);
  return { events: specs.length, bytes: Buffer.byteLength(text), model_serialise_ms: total, serialise_ms: serialise };
}

/** The calendar component with its own VTIMEZONEs registered, and its events (overrides related by UID). */
function read(text) {
  ICAL.TimezoneService.reset();
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const masters = [];
  const overrides = new Map();
  for (const comp of cal.getAllSubcomponents('vevent')) {
    if (comp.hasProperty('recurrence-id')) {
      const uid = comp.getFirstPropertyValue('uid');
      if (!overrides.has(uid)) overrides.set(uid, []);
      overrides.get(uid).push(comp);
    } else {
      masters.push(comp);
    }
  }
  return { masters, overrides };
}

function parseOnly(text) {
  const { masters, overrides } = read(text);
  const rows = [];
  const row = (event) => {
    const exdates = [];
    for (const p of event.component.getAllProperties('exdate')) {
      for (const v of p.getValues()) exdates.push(v.toUnixTime());
    }
    const rid = event.recurrenceId ? event.recurrenceId.toUnixTime() : null;
    const status = event.component.getFirstPropertyValue('status');
    rows.push([event.uid, event.startDate.toUnixTime(), event.endDate.toUnixTime(), exdates, rid, status]);
  };
  for (const comp of masters) {
    const event = new ICAL.Event(comp, { exceptions: overrides.get(comp.getFirstPropertyValue('uid')) || [] });
    row(event);
    for (const id in event.exceptions) row(event.exceptions[id]);
  }
  return rows;
}

function parseExpand(text) {
  const { masters, overrides } = read(text);
  const [from, to] = WINDOW;
  const rows = [];
  for (const comp of masters) {
    const event = new ICAL.Event(comp, { exceptions: overrides.get(comp.getFirstPropertyValue('uid')) || [] });
    if (!event.isRecurring()) {
      const start = event.startDate.toUnixTime();
      const end = event.endDate.toUnixTime();
      if (end >= from && start < to) rows.push([event.uid, start, end, comp.getFirstPropertyValue('status')]);
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next; next = it.next()) {
      if (next.toUnixTime() >= to) break;
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toUnixTime();
      const end = details.endDate.toUnixTime();
      const status = details.item.component.getFirstPropertyValue('status');
      if (end >= from && start < to) rows.push([event.uid, start, end, status]);
    }
  }
  return rows;
}

function parse(path, repeat, expand, dump) {
  const text = readFileSync(path, 'utf8');
  const times = [];
  let rows = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    rows = expand ? parseExpand(text) : parseOnly(text);
    times.push(ms(t0));
  }
  if (dump) {
    // Untimed: the occurrences that take place, as "UID start end" in UTC seconds, to check
    // that all three read the same thing.
    const kept = rows.filter((r) => r[r.length - 1] !== 'CANCELLED').map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    kept.sort();
    writeFileSync(dump, kept.map((line) => line + '\n').join(''));
  }
  return { step: expand ? 'parse_expand' : 'parse', [expand ? 'occurrences' : 'vevents']: rows.length, ms: times };
}

const argv = process.argv.slice(2);
const at = argv.indexOf('--repeat');
const repeat = at >= 0 ? Math.max(1, Number(argv[at + 1])) : 1;
let result;
if (argv[0] === 'export') {
  result = { step: 'export', ...exportCalendar(argv[1], argv[2], repeat) };
} else if (argv[0] === 'parse') {
  const d = argv.indexOf('--dump');
  result = parse(argv[1], repeat, argv.includes('--expand'), d >= 0 ? argv[d + 1] : null);
} else {
  console.error(`unknown command ${argv[0]}`);
  process.exit(2);
}
console.log(JSON.stringify({ tool: 'ical.js', ...result }));
