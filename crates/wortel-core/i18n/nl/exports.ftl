# De leesbare tekst van exports (de samenvattingen in de agenda). CSV-kopregels en bundels
# houden hun machinenamen.

ics-appointment = Afspraak: { $account }
ics-follow-up = Opvolgen: { $account }
