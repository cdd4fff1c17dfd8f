# The sales domain's words as a salesperson reads them. Bundles, --json and CSV keep the
# machine names (the part after the prefix); only screens and listings show these.

status-new = new
status-accepted = accepted
status-rejected = rejected
status-snoozed = snoozed
status-contacted = contacted
status-qualified = qualified
status-converted = converted
status-disqualified = disqualified
status-retracted = retracted
status-overdue = OVERDUE

stage-qualify = qualify
stage-appointment = appointment
stage-quote = quote
stage-negotiation = negotiation
stage-won = won
stage-lost = lost

outcome-appointment-made = appointment made
outcome-quote-sent = quote sent
outcome-order-won = order won
outcome-order-lost = order lost
outcome-follow-up = follow-up
outcome-no-contact = no contact
outcome-not-interested = not interested

kind-visit = visit
kind-call = call
kind-email = e-mail
kind-meeting = meeting
kind-note = note

lifecycle-prospect = prospect
lifecycle-customer = customer
lifecycle-ex-customer = ex-customer

channel-data-mining = data-mining
channel-telemarketing = telemarketing
channel-web = web
channel-event = event
channel-dealer = dealer
channel-other = other

# Reasons: the shipped lists. A store's own reasons have no entry and show as typed.
reason-duplicate = duplicate
reason-unreachable = unreachable
reason-no-interest = no interest
reason-bad-data = bad data
reason-out-of-area = out of area
reason-competitors-customer = competitor's customer
reason-other = other
reason-price = price
reason-delivery-time = delivery time
reason-competitor-product = competitor product
reason-no-budget = no budget
reason-no-decision = no decision
reason-product-fit = product fit
