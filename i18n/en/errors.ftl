# Error messages. The key is error-<code>, where the code is nabo-app's ErrorCode.
# Variables: $field_label and $kind_label are already translated by whoever shows the message.

error-unreadable_time = { $field_label }: "{ $input }" is not a date and time. Write e.g. 2026-12-01T10:00.
error-dst_gap = { $field_label }: { $time } does not exist on { $date }. Clocks jump from { $gap_start } to { $gap_end } that night for summer time. Choose another time.
error-end_not_after_start = The end ({ $end }) must be after the start ({ $start }).
error-too_long = A { $kind_label } of { $minutes } minutes is too long. At most { $max } minutes.
error-missing_field = Fill in "{ $field_label }". It is always needed for a { $kind_label }.
error-not_for_kind = "{ $field_label }" does not belong to a { $kind_label }. Leave it empty.
error-text_too_long = "{ $field_label }" is too long ({ $chars } characters). At most { $max }.
error-control_character = "{ $field_label }" contains { $code_point }, { $char_kind ->
    [line_break] a line break. It must fit on one line.
    [direction] a direction-changing character. Remove it; it may have come with copied text.
    [only_invisible] an invisible character, and nothing else. Write it with letters.
   *[control] a control character. Remove it; it may have come with copied text.
} Nothing was saved.
error-not_a_pseudonym = The household needs a code name like H-17, never a name. Use digits, hyphens and at most two letters in a row, with at least one digit.
error-personal_data = "{ $field_label }" seems to contain { $kind ->
    [cpr] a CPR number
    [phone] a phone number or another long number
    [email] an e-mail address
    [street_address] a street address with a house number
   *[other] personal data
}. Rephrase it without personal data. Nothing was saved.
error-unreadable_duration = The duration "{ $input }" cannot be read. Write e.g. 45m, 1h30m or 2h.
error-duration_not_positive = The duration must be more than 0 minutes, not "{ $input }".
error-unreadable_date = "{ $input }" is not a date. Write it as YYYY-MM-DD, e.g. 2026-12-01.
error-date_out_of_range = { $field_label }: Nabo plans in the years { $first } to { $last } only. Choose a date in those years.
error-invalid_range = The period { $from } to { $to } cannot be used. The last day must not be before the first, and the period can be at most 5 years.
error-not_found = There is no appointment number { $id }.
error-not_an_occurrence = Appointment { $id } has no meeting at { $occurrence }.
error-not_a_database = { $path } is not a Nabo database. The file was not changed.
error-database_too_new = { $path } was made by a newer Nabo (database version { $found }; this Nabo knows up to { $supported }). Update Nabo. The file was not changed.
error-no_data_folder = Nabo does not know where to keep its database: no database was named and this computer user has no home folder. Set { $env } or use --db PATH.
error-no_identity = Nabo has no identity yet: first choose whether you are a volunteer or a coordinator (nabo init or the welcome screen).
error-no_randomness = The operating system gave no randomness for a new key: { $detail }
error-card_needs_name = An identity card needs your name: give it with nabo settings set name NAME
error-not_a_coordinator = Only a coordinator imports summaries: set the role to coordinator (or both) first.
error-no_coordinator = No coordinator is set yet: open her identity card (nabo coordinator set CARD or in Settings), or write a file anyone can read with --plain.
error-receipt_refused = { $file }: { $reason ->
    [other_coordinator] the receipt is not from your coordinator (it is signed with another key). Nothing was changed.
   *[other_volunteer] the receipt is for another volunteer (another key than yours). Nothing was changed.
}
error-unknown_volunteer = No summary came from a volunteer named “{ $name }”.
error-no_offered_key = No other key came under the name “{ $name }”.
error-card_refused = { $file } cannot be used: { $reason ->
    [too_large] the file is too large to be a Nabo file.
    [not_json] it is not a Nabo file.
    [wrong_format] it is another kind of file than expected.
    [unknown_version] a newer Nabo made it; update Nabo first.
    [signature] the signature does not match: the file was changed after it was signed.
    [text] a text in it breaks the rules ({ $detail }).
   *[malformed] its contents do not fit the format ({ $detail }).
}
error-no_database = There is no Nabo database at { $path }. Create it first with: nabo init
error-database_exists = There is already a Nabo database at { $path }.
error-invalid_setting = { $field_label } must be between { $min } and { $max }, not { $value }.
error-write_failed = The file { $path } could not be saved: { $detail }
error-invalid_live_calendar = { $reason ->
    [not_absolute] Choose the full path of the file, e.g. /home/name/Calendar/nabo.ics.
    [not_ics] The file name must end in .ics.
    [database] { $path } is Nabo's database or one of its files. Choose another file name.
    [folder] { $path } is a folder. Write the name of a file in the folder.
    [symlink] { $path } is a shortcut (symbolic link). Choose the file itself.
    [read_only] { $path } is read-only. Choose another file, or remove the write protection.
    [not_a_file] { $path } is not an ordinary file. Choose an .ics file.
   *[other] The folder for { $path } does not exist.
}
error-storage = The database could not be read or saved: { $detail }

# Notes on how a time was read.
notice-ambiguous_time_chose_first = { $time } happens twice on { $date } because the clocks go back. Nabo chose the first one (summer time, UTC{ $offset }).

# A failure that did not come from Nabo's own checks (e.g. the window lost its connection).
error-internal = Something went wrong. Please try again.

# Repeats (series).
error-expected_size_out_of_range = The expected number of participants must be between 1 and { $max }, not { $size }.
error-invalid_repeat = The repeat cannot be used: "{ $rule }". Choose e.g. every week, every other week or every month.
error-repeat_too_many = A series can have at most { $max } meetings, not { $count }.
error-repeat_too_long = A series can last at most 10 years. This one ends { $until }.
error-repeat_empty = The repeat gives no meetings. Check the end date.
error-repeat_invalid_interval = The repeat interval (INTERVAL) must be a whole number from 1 up, not "{ $interval }": 1 is every time, 2 every other time.
error-repeat_count_with_until = A repeat ends after a number of meetings (COUNT) or on a date (UNTIL), not both. Choose one.

error-import_not_calendar = { $path } is not a calendar file (iCalendar, .ics). Nothing was imported.
error-import_truncated = { $path } ends in the middle of an event ({ $component } from line { $line }, UID { $uid }); perhaps it was not downloaded completely. Nothing was imported.
error-import_malformed = { $path }, line { $line }: { $reason }. Nothing was imported.
error-import_too_large = { $path } is { $megabytes } MB; Nabo reads calendar files of at most { $max_megabytes } MB. Nothing was imported.
error-import_end_before_start = { $path }: the event { $uid } (line { $line }) ends before it starts. Nothing was imported.
error-import_unknown_zone = { $path }: the event { $uid } (line { $line }) uses an unknown time zone, { $tzid }. Nothing was imported.
error-import_bad_value = { $path }: the event { $uid } (line { $line }) has an unreadable { $property }: "{ $value }". Nothing was imported.
error-import_bad_rule = { $path }: the repeat rule of the event { $uid } (line { $line }) cannot be read: { $reason }. Nothing was imported.
error-import_too_many_occurrences = { $path } has more than { $max } events and occurrences; Nabo keeps no more than that from one file. Nabo stopped at the event { $uid } (line { $line }). Nothing was imported.
error-import_too_much_work = { $path }: the repeat rules in the file take too much work to expand (more than { $max } steps). Nabo stopped at the event { $uid } (line { $line }). Nothing was imported.
error-import_not_a_file = { $path } is not an ordinary file but { $kind ->
    [directory] a folder
    [fifo] a named pipe
    [device] a device
    [socket] a socket
    [stdin] standard input
   *[other] something else
 }. Save the calendar as an .ics file and choose that. Nothing was imported.
error-read_failed = The file { $path } could not be read: { $detail }

error-counts_unknown_key = { $key } is not a key of the category scheme { $scheme }. See the keys with: nabo scheme
error-counts_bad_value = { $key }={ $value }: a count is a whole number from 0 to { $max }.
error-counts_not_assignment = Count number { $position } must be written as key=number, e.g. reached=3.
error-counts_duplicate = { $key } is given twice.
error-counts_missing_reached = Say how many people you reached: reached=NUMBER.
error-counts_new_above_reached = new={ $new } is more than reached={ $reached }: there cannot be more new contacts than people reached.
error-counts_breakdown_sum = { $key } adds up to { $sum }, but reached={ $reached }. Put those you do not know in { $key }.unknown.
error-counts_tally_above_reached = { $key }={ $value } is more than reached={ $reached }.
error-counts_implausible = reached={ $reached } is too many for the kind { $kind_label } (at most { $max }). Is it a typo?
error-counts_future = Appointment { $id } has not started yet; counts can be recorded once it has taken place.
error-counts_cancelled = Appointment { $id } is cancelled; counts cannot be recorded on a cancelled appointment.
error-occurrence_required = Appointment { $id } is a series: say which meeting, as { $id }@YYYY-MM-DD.
error-has_counts = { $reason ->
    [future] Appointment { $id } has counts recorded, so it can only be moved to a time that has begun. If it did not take place, remove the counts first under "Counts" on the appointment (or: nabo record { $id } --remove).
    [cancelled] Appointment { $id } has counts recorded and cannot be cancelled. If it did not take place, remove the counts first under "Counts" on the appointment (or: nabo record { $id } --remove).
    [skipped] Meeting { $id } has counts recorded and cannot be taken out of the series. If it did not take place, remove the counts first under "Counts" on the appointment (or: nabo record { $id } --remove).
   *[not_done] Appointment { $id } has counts recorded and must stay done. If it did not take place, remove the counts first under "Counts" on the appointment (or: nabo record { $id } --remove).
}
error-series_drops_counts = Series { $id } has counts recorded on its meeting of { $date }, and the change would remove that meeting. Change only the following meetings, or remove the counts first.
error-ambiguous_occurrence = Series { $id } has several moved meetings on { $date }. Name the meeting by the day it was first planned on: { $originals }.
error-unreadable_period = "{ $input }" is not a month. Write it as YYYY-MM, e.g. 2026-11.
error-scheme_invalid = The category scheme cannot be used: { $detail }

notice-live_calendar_failed = The change is saved, but the calendar file { $path } could not be updated: { $detail }
notice-texts_erased = Erased { $months ->
        [one] 1 month
       *[other] { $months } months
    } after the last visit: { $households ->
        [one] the code name of 1 household
       *[other] the code names of { $households } households
    } and { $notes ->
        [one] 1 note
       *[other] { $notes } notes
    }. The counts stay.

# Files Nabo writes, and the state of the database (issue 10).
error-protected_target = { $path } is Nabo's database or one of its files. Choose another file name. Nothing was written.
error-unusable_target = { $reason ->
    [folder] { $path } is a folder. Write the name of a file in the folder.
    [symlink] { $path } is a shortcut (symbolic link) to another file. Nabo does not write through shortcuts. Choose the file itself.
    [read_only] { $path } is read-only, so Nabo does not replace it. Choose another file, or remove the write protection.
    [no_folder] The folder for { $path } does not exist.
   *[not_a_file] { $path } is not an ordinary file (but e.g. a device or a pipe). Choose an ordinary file.
} Nothing was written.
error-database_damaged = The database is damaged. Nabo saves nothing in it, so the damage does not grow. Run "nabo check" to see the damage, and restore a backup of the database.
error-database_busy = Another Nabo is saving to the database right now (the window or another nabo command, e.g. a large import). Nabo waited, but it has not finished. Try again in a moment. Nothing was saved.

# nabo settings set (issue 11).
error-unknown_setting = Nabo has no setting called "{ $key }". See the list with: nabo settings set --help
error-unreadable_setting = "{ $key }" must be { $expected ->
    [number] a whole number.
    [switch] on or off.
    [language] da, en or auto (as the computer).
    [role] volunteer, coordinator or both.
    [areas] areas separated by semicolons, at most 200 (e.g. Gellerup; Hasle).
    [venues] places as name = address separated by semicolons, at most 200 (e.g. Beboerhuset = Dortheavej 2; Foreningshuset = Gudrunsvej 10).
    [programme] bydelsmoedre, baba or none.
    [detail] discreet or full.
   *[other] something else.
}
error-coordinator_only = Reports and targets are the coordinator's: set the role to coordinator (or both) first.
error-report_refused = The report cannot be made: { $reason ->
    [unknown_axis] "{ $name }" is not area, kind, month, quarter, year or a group of the category scheme (gender, age, topic, referral, source, next_step, language).
    [unknown_measure] "{ $name }" is not a key of the category scheme (e.g. reached, new, gender.women), held or cancelled.
    [same_axis] the rows and the columns are both { $name }.
    [area_by_kind] the period has summaries from an older Nabo ({ $count }), which count by area and by activity but not both together. Ask those volunteers to update Nabo and send the month again, or choose area or activity alone.
    [group_as_rows] a group's categories ({ $name }) can only be the columns.
    [not_by_area] { $name } is not counted by area in summaries.
    [min_cell_too_low] a minimum cell of { $given } is below { $floor }, the least that protects a person.
    [backwards] { $from } is after { $to }.
   *[other] { $reason }.
}
error-unreadable_report_period = "{ $input }" is not a period. Write YYYY-MM, YYYY-Qn (e.g. 2026-Q1) or YYYY.
error-unknown_target = There is no target number { $id }.
error-target_refused = The target cannot be set: { $reason ->
    [zero] a target of 0 is always met.
    [share_range] a share must be above 0 and at most 100 %.
    [share_of_itself] a share of itself is always 100 %.
   *[other] { $reason }.
}
error-rollup_unsigned = { $count ->
    [one] 1 summary ({ $first }) was imported before Nabo kept its signature
   *[other] { $count } summaries (the first: { $first }) were imported before Nabo kept their signatures
}, so a roll-up cannot carry them. Import their files again.
error-nothing_to_roll_up = No summaries were imported for { $period }.
error-wrong_key = { $path } does not open with this key: the passphrase is wrong, or the key store holds another key for it (or the file is damaged or not a Nabo database).
error-no_key_store = There is no key store on this computer to keep the database's key in. Choose a passphrase: set NABO_PASSPHRASE, or run the command at a terminal to be asked for it.
error-key_missing = The key store holds no key for { $path }. It was made on another computer or by another user, or with a passphrase (set NABO_PASSPHRASE).
error-key_store = The key store failed: { $reason }
error-lock_secret_invalid = { $reason ->
    [too_long] A PIN or passphrase can have at most { $max } characters.
    [missing] Choose a PIN or passphrase to turn the lock on.
   *[other] A PIN or passphrase needs at least { $min } characters, e.g. 4 digits.
}
error-lock_wrong = That PIN or passphrase is not right. { $seconds ->
    [0] Try again.
    [one] Wait 1 second before you try again.
   *[other] Wait { $seconds } seconds before you try again.
}
error-lock_wait = Too many wrong tries. Wait { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
} before you try again.
error-not_a_backup = { $path } is not a Nabo backup. Nothing was changed.
error-backup_damaged = The backup { $path } is damaged ({ $problems }). Nothing was changed; try an older backup.

# What an import left out, guessed or ignored (issue 15): one line each, the file read.
skipped-import_end_before_start = Left out: the event { $uid } (line { $line }) ends before it starts.
skipped-import_unknown_zone = Left out: the event { $uid } (line { $line }) uses an unknown time zone, { $tzid }.
skipped-import_bad_value = Left out: the event { $uid } (line { $line }) has an unreadable { $property }: "{ $value }".
skipped-import_bad_rule = Left out: the repeat rule of the event { $uid } (line { $line }) cannot be read: { $reason }.
import-floating-zone = The event { $uid } (line { $line }) uses the time zone "{ $tzid }", which Nabo does not know and the file does not describe: its times were read as Danish time.
import-ignored-line = Line { $line } is not part of the calendar and was ignored.
import-warnings-more = { $count ->
    [one] … and 1 more like it.
   *[other] … and { $count } more like these.
}
