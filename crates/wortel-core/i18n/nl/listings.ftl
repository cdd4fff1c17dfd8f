# De lijsten van de opdrachtregel: `wortel leads`, `wortel accounts`, `wortel funnel`.

leads-count = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
}
accounts-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
deals-count = { $count ->
    [one] { $count } deal
   *[other] { $count } deals
}

col-tier = TIER
col-status = STATUS
col-account = ACCOUNT
col-city = PLAATS
col-interest = INTERESSE
col-score = SCORE
col-respond-by = REAGEER VOOR
col-source = BRON
col-id = ID
col-name = NAAM
col-lifecycle = FASE
col-kvk = KVK
col-phone = TELEFOON
col-owner = EIGENAAR
col-stage = STAP
col-probability = KANS
col-deals = DEALS
col-value = WAARDE
col-weighted = GEWOGEN

listing-first-shown = … eerste { $shown } getoond, er zijn er meer; gebruik --limit N of --json voor alles
listing-some-shown = … { $shown } van { $total } getoond; gebruik --limit N of --json voor meer
leads-none = geen leads gevonden
accounts-none = geen accounts gevonden

funnel-percent = { $percent } %
funnel-count = { $count }
funnel-scope-all = alle open deals
funnel-scope-period = open deals die sluiten in { $period }
funnel-won-scope-all = gewonnen, alle tijd
funnel-won-scope-period = gewonnen in { $period }
funnel-won = { $scope }: { $value } uit { $deals }
funnel-forecast = prognose, { $scope }: gewogen { $weighted }, { $deals }, { $without } zonder waarde
funnel-win-rate = winstpercentage (gewonnen van de gesloten deals): { $percent } %
funnel-no-win-rate = winstpercentage: nog geen gesloten deals
