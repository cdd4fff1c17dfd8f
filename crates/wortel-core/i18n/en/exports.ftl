# The human text of exports (the calendar's summaries). CSV headers and bundles keep their
# machine names.

ics-appointment = Appointment: { $account }
ics-follow-up = Follow up: { $account }

# `export --csv --headers nl` titles the columns in Dutch; in English the header row is the
# machine names themselves.
csv-id = id
csv-name = name
csv-lifecycle = lifecycle
csv-kvk = kvk
csv-street = street
csv-postcode = postcode
csv-city = city
csv-phone = phone
csv-email = email
csv-segment = segment
csv-owner = owner
csv-origin = origin
csv-created_at = created_at
csv-last_activity_at = last_activity_at
csv-head_office_id = head_office_id
csv-account_id = account_id
csv-account = account
csv-status = status
csv-tier = tier
csv-score = score
csv-channel = channel
csv-campaign = campaign
csv-interest = interest
csv-incentive = incentive
csv-received_at = received_at
csv-respond_by = respond_by
csv-reason = reason
csv-notes = notes
csv-title = title
csv-stage = stage
csv-value_eur = value_eur
csv-weighted_eur = weighted_eur
csv-expected_close = expected_close
csv-lost_reason = lost_reason
csv-stage_entered_at = stage_entered_at
csv-quantity = quantity
csv-product = product
csv-next_step = next_step
csv-kind = kind
csv-at = at
csv-outcome = outcome
csv-note = note
