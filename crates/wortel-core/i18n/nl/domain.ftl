# De woorden van het verkoopdomein zoals een verkoper ze leest. Bundels, --json en CSV houden
# de machinenamen (het deel na het voorvoegsel); alleen schermen en lijsten tonen deze.

status-new = nieuw
status-accepted = geaccepteerd
status-rejected = afgewezen
status-snoozed = uitgesteld
status-contacted = benaderd
status-qualified = gekwalificeerd
status-converted = omgezet
status-disqualified = gediskwalificeerd
status-retracted = ingetrokken
status-overdue = TE LAAT

stage-qualify = kwalificatie
stage-appointment = afspraak
stage-quote = offerte
stage-negotiation = onderhandeling
stage-won = gewonnen
stage-lost = verloren

outcome-appointment-made = afspraak gemaakt
outcome-quote-sent = offerte gestuurd
outcome-order-won = order gewonnen
outcome-order-lost = order verloren
outcome-follow-up = opvolgen
outcome-no-contact = geen contact
outcome-not-interested = geen interesse

kind-visit = bezoek
kind-call = telefoon
kind-email = e-mail
kind-meeting = overleg
kind-note = notitie

lifecycle-prospect = prospect
lifecycle-customer = klant
lifecycle-ex-customer = oud-klant

channel-data-mining = datamining
channel-telemarketing = telemarketing
channel-web = web
channel-event = evenement
channel-dealer = dealer
channel-other = anders

# Redenen: de meegeleverde lijsten. Eigen redenen van een winkel staan hier niet en worden
# getoond zoals ze getypt zijn.
reason-duplicate = dubbel
reason-unreachable = onbereikbaar
reason-no-interest = geen interesse
reason-bad-data = foute gegevens
reason-out-of-area = buiten het gebied
reason-competitors-customer = klant van concurrent
reason-other = anders
reason-price = prijs
reason-delivery-time = levertijd
reason-competitor-product = product van concurrent
reason-no-budget = geen budget
reason-no-decision = geen beslissing
reason-product-fit = past niet
