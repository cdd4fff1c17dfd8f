# The human text of exports (the calendar's summaries). CSV headers and bundles keep their
# machine names.

ics-appointment = Appointment: { $account }
ics-follow-up = Follow up: { $account }
