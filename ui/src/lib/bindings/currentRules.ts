// Written by nabo-app's `rules` test from Rules::current(): the limits core and the settings enforce.
// Do not edit: change the Rust side and run `cargo test -p nabo-app`.
import type { Rules } from './Rules'

export const RULES: Rules = {
  "kinds": [
    {
      "kind": "home_visit",
      "fields": [
        "area",
        "household",
        "note"
      ],
      "required": [
        "area"
      ],
      "expected_size": false,
      "duration_minutes": {
        "min": 1,
        "max": 480
      },
      "default_duration": {
        "min": 5,
        "max": 480
      },
      "default_minutes": 60,
      "max_reached": 30
    },
    {
      "kind": "group_meeting",
      "fields": [
        "title",
        "venue",
        "theme",
        "area",
        "note"
      ],
      "required": [
        "venue",
        "theme"
      ],
      "expected_size": true,
      "duration_minutes": {
        "min": 1,
        "max": 720
      },
      "default_duration": {
        "min": 5,
        "max": 720
      },
      "default_minutes": 120,
      "max_reached": 500
    },
    {
      "kind": "outreach",
      "fields": [
        "title",
        "area",
        "note"
      ],
      "required": [],
      "expected_size": false,
      "duration_minutes": {
        "min": 1,
        "max": 720
      },
      "default_duration": {
        "min": 5,
        "max": 720
      },
      "default_minutes": 90,
      "max_reached": 500
    },
    {
      "kind": "accompaniment",
      "fields": [
        "title",
        "area",
        "note"
      ],
      "required": [],
      "expected_size": false,
      "duration_minutes": {
        "min": 1,
        "max": 720
      },
      "default_duration": {
        "min": 5,
        "max": 720
      },
      "default_minutes": 120,
      "max_reached": 10
    },
    {
      "kind": "network_meeting",
      "fields": [
        "title",
        "venue",
        "theme",
        "area",
        "note"
      ],
      "required": [],
      "expected_size": false,
      "duration_minutes": {
        "min": 1,
        "max": 720
      },
      "default_duration": {
        "min": 5,
        "max": 720
      },
      "default_minutes": 90,
      "max_reached": 200
    }
  ],
  "texts": [
    {
      "field": "area",
      "max_chars": 80
    },
    {
      "field": "household",
      "max_chars": 16
    },
    {
      "field": "venue",
      "max_chars": 80
    },
    {
      "field": "theme",
      "max_chars": 80
    },
    {
      "field": "title",
      "max_chars": 120
    },
    {
      "field": "note",
      "max_chars": 2000
    }
  ],
  "blank_details": {
    "area": null,
    "household": null,
    "venue": null,
    "theme": null,
    "title": null,
    "note": null,
    "programme": null,
    "languages": [],
    "expected_size": null
  },
  "expected_size": {
    "min": 1,
    "max": 500
  },
  "series_meetings": {
    "min": 1,
    "max": 520
  },
  "repeat_max_chars": 200,
  "settings": {
    "travel_buffer_minutes": {
      "min": 0,
      "max": 240
    },
    "reminder_minutes": {
      "min": 0,
      "max": 1440
    },
    "follow_up_days": {
      "min": 1,
      "max": 90
    },
    "erase_after_months": {
      "min": 1,
      "max": 120
    }
  }
}
