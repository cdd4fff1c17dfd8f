# What the date input says when it cannot take what was typed.

date-not-understood = date `{ $input }` is not understood; use 2026-12-01, +3d, +2w, mon…sun, today or tomorrow
date-does-not-exist = { $input } does not exist; check the day and the month
date-too-far = date `{ $input }` is more than ten years away; give a nearer date
