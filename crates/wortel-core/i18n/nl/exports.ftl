# De leesbare tekst van exports (de samenvattingen in de agenda). CSV-kopregels en bundels
# houden hun machinenamen.

ics-appointment = Afspraak: { $account }
ics-follow-up = Opvolgen: { $account }

# De kolomtitels van `export --csv --headers nl`.
csv-id = nummer
csv-name = naam
csv-lifecycle = fase
csv-kvk = kvk
csv-street = straat
csv-postcode = postcode
csv-city = plaats
csv-phone = telefoon
csv-email = e-mail
csv-segment = segment
csv-owner = eigenaar
csv-origin = herkomst
csv-created_at = aangemaakt
csv-last_activity_at = laatste activiteit
csv-head_office_id = hoofdkantoornummer
csv-account_id = accountnummer
csv-account = account
csv-status = status
csv-tier = tier
csv-score = score
csv-channel = kanaal
csv-campaign = campagne
csv-interest = interesse
csv-incentive = premie
csv-received_at = ontvangen
csv-respond_by = reageer voor
csv-reason = reden
csv-notes = notities
csv-title = titel
csv-stage = stap
csv-value_eur = waarde (EUR)
csv-weighted_eur = gewogen (EUR)
csv-expected_close = verwachte sluiting
csv-lost_reason = reden verlies
csv-stage_entered_at = in stap sinds
csv-quantity = aantal
csv-product = product
csv-next_step = volgende stap
csv-kind = soort
csv-at = tijdstip
csv-outcome = uitkomst
csv-note = notitie
