# The CLI's human listings: `wortel leads`, `wortel accounts`, `wortel funnel`.

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
col-city = CITY
col-interest = INTEREST
col-score = SCORE
col-respond-by = RESPOND BY
col-source = SOURCE
col-id = ID
col-name = NAME
col-lifecycle = LIFECYCLE
col-kvk = KVK
col-phone = PHONE
col-owner = OWNER
col-stage = STAGE
col-probability = PROB
col-deals = DEALS
col-value = VALUE
col-weighted = WEIGHTED

listing-first-shown = … first { $shown } shown, more match; use --limit N or --json for all
listing-some-shown = … { $shown } of { $total } shown; use --limit N or --json for more
leads-none = no leads match
accounts-none = no accounts match

funnel-percent = { $percent } %
funnel-count = { $count }
funnel-scope-all = all open deals
funnel-scope-period = open deals closing in { $period }
funnel-won-scope-all = won all time
funnel-won-scope-period = won in { $period }
funnel-won = { $scope }: { $value } from { $deals }
funnel-forecast = forecast, { $scope }: weighted { $weighted }, { $deals }, { $without } without value
funnel-win-rate = win rate (won of closed deals): { $percent } %
funnel-no-win-rate = win rate: no closed deals yet
