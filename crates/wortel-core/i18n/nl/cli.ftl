# Wat `wortel`-opdrachten afdrukken: bevestigingen, verslagen en weigeringen. Argumenten als
# `count` en `records` zijn getallen (meervoud en notatie volgen de taal); de rest is tekst.

file-named = { $file }
records-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}

## privacy

records-changed = { $records ->
    [one] { $records } record
   *[other] { $records } records
} gewijzigd
privacy-exported = { $file }: alles wat over { $name } bewaard is
privacy-consent-which = zeg wat er vastgelegd moet worden: --withdraw DOEL of --give DOEL (sales-contact of marketing)
privacy-no-such-purpose = `{ $purpose }` is geen doel van toestemming; gebruik sales-contact of marketing
privacy-consent-given = { $name }: toestemming voor { $purpose ->
    [marketing] marketing
   *[other] verkoopcontact
} gegeven
privacy-consent-withdrawn = { $name }: toestemming voor { $purpose ->
    [marketing] marketing
   *[other] verkoopcontact
} ingetrokken (bewaard in de geschiedenis)
privacy-nothing-due = niets is over zijn bewaartermijn heen
privacy-purge-leads = { $rejected } afgewezen leads (na { $rejected_days } dagen) en { $disqualified } gediskwalificeerde leads (na { $disqualified_days } dagen) verliezen hun notities, signalen en contactkoppeling
privacy-purge-contacts = { $contacts } contactpersonen van oud-klanten zonder activiteit in { $days } dagen worden gewist
privacy-purge-contacts-named = { $contacts } contactpersonen van oud-klanten zonder activiteit in { $days } dagen worden gewist: { $names }
privacy-purge-won = { $stripped } gewonnen orders van die oud-klanten verliezen hun titel, notities en contactkoppelingen (waarde en datums blijven voor de boekhouding); { $anonymised } gewonnen orders ouder dan { $days } dagen worden geanonimiseerd
privacy-dry-run = proefdraai: niets gewijzigd
erasure-finished-now = het wissen werd afgebroken voordat de back-ups naast de opslag herschreven waren; nu afgemaakt: { $backups }
erasure-not-finished = het wissen werd afgebroken voordat de back-ups naast de opslag herschreven waren, en ze konden nu niet herschreven worden ({ $why }); er kunnen nog gegevens van de gewiste personen in staan, en de volgende wortel-opdracht probeert het opnieuw
files-rewritten = de bestanden van de opslag zijn herschreven zonder { $what ->
    [them] hen
    [erased] de gewiste gegevens
   *[removed] de verwijderde gegevens
}
files-rewritten-when-view-closes = de bestanden van de opslag worden herschreven zonder { $what ->
    [them] hen
    [erased] de gewiste gegevens
   *[removed] de verwijderde gegevens
} als het volledige scherm dat op deze opslag open is sluit
privacy-purged = opgeschoond; { $files }; { $backups }
privacy-erase-confirm-beside-view = het wissen van { $name } kan niet ongedaan worden gemaakt, en het volledige scherm dat op deze opslag open is kan het je niet vragen; geef --yes om te bevestigen
privacy-erase-confirm-on-terminal = het wissen van { $name } kan niet ongedaan worden gemaakt; bevestig op een terminal, of geef --yes in een script
privacy-erase-question = Alle persoonsgegevens van { $name } wissen? Dit kan niet ongedaan worden gemaakt. [j/N]
privacy-nothing-erased = niets gewist
privacy-erased = { $name } gewist: { records-changed }, { $files }; { $backups }; het hoofdkantoor hoort het in de volgende terugkoppelingsbundel
backups-rewritten = { $count ->
    [one] { $count } back-up
   *[other] { $count } back-ups
} herschreven zonder { $whom ->
    [them] hen
   *[erased] de gewiste personen
}
backup-not-rewritten = { $file } kon niet herschreven worden ({ $why }): verwijder het bestand, er kunnen nog gegevens van { $whom ->
    [them] hen
   *[erased] de gewiste personen
} in staan

## import

import-placing-leads = leads plaatsen
import-benchmark-again = { $file }: al geïmporteerd (bundel { $bundle }); niets gewijzigd
import-leads-again = { $file }: al geïmporteerd (bundel { $bundle }, volgnummer { $sequence } van { $from }); niets gewijzigd
import-benchmarks = { $file } geïmporteerd: { $figures } netwerkcijfers van { $from }; bekijk ze met `wortel benchmark`
import-rewritten = {"  "}{ $files }; { $backups }
import-leads-bundle = { $file } geïmporteerd: bundel { $bundle }, volgnummer { $sequence } van { $from }
new-leads = { $new ->
    [one] { $new } nieuwe lead
   *[other] { $new } nieuwe leads
} ({ $matched } voor accounts die er al waren, { $accounts ->
    [one] { $accounts } nieuw account
   *[other] { $accounts } nieuwe accounts
}), { $updated } bijgewerkt
import-leads-counts = {"  "}{ new-leads }, { $retracted } ingetrokken
import-unknown-retractions = {"  "}{ $count ->
    [one] { $count } intrekking was voor een lead die deze opslag nooit had
   *[other] { $count } intrekkingen waren voor leads die deze opslag nooit had
}
import-erasures = {"  "}{ $requests ->
    [one] { $requests } verzoek tot wissen uitgevoerd
   *[other] { $requests } verzoeken tot wissen uitgevoerd
} ({ $erased } contactpersonen gewist, { $missing } niet gevonden{ $before ->
    [0] {""}
   *[other] , { $before } al eerder gedaan
}{ $ambiguous ->
    [0] {""}
   *[other] , { $ambiguous } passend bij meerdere personen en aan het hoofdkantoor gelaten om te verduidelijken
}); het hoofdkantoor hoort het in de volgende terugkoppelingsbundel
import-sheet = { $file } geïmporteerd: { new-leads }
import-wrong-dialect = { $file } heeft `{ $found }` tussen de kolommen, niet `{ $said }` zoals --dialect { $dialect } zegt; laat --dialect weg of geef --dialect { $other }

## export

export-marketing-alone = --marketing filtert de exports --csv en --vcf; geef er een van mee
export-rows = { $file }: { $count ->
    [one] { $count } regel
   *[other] { $count } regels
}{ $which ->
    [marketing] {" "}met toestemming voor marketing
   *[all] {""}
}
export-events = { $file }: { $count ->
    [one] { $count } gebeurtenis
   *[other] { $count } gebeurtenissen
} (afspraken en opvolgingen)
export-contacts = { $file }: { $count ->
    [one] { $count } contactpersoon
   *[other] { $count } contactpersonen
}{ $which ->
    [marketing] {" "}met toestemming voor marketing
   *[all] {""}
}

## bundle inspect

bundle-key-unreadable = het sleutelbestand { $file } kan niet gelezen worden ({ $why }); controleer het pad
bundle-valid = { $file }: een geldige { $kind }-bundel
bundle-id = id
bundle-from = van
bundle-to = aan
bundle-sequence = volgnummer
bundle-created = gemaakt
bundle-period = periode
bundle-span = { $from } tot { $to }
bundle-signature = handtekening
bundle-signature-verified = gecontroleerd met de vastgelegde sleutel
bundle-signature-store-busy = aanwezig, niet gecontroleerd (de opslag is open in een ander wortel-proces; geef --key BESTAND)
bundle-signature-no-key = aanwezig, niet gecontroleerd (geen sleutel bekend; geef --key BESTAND)
bundle-signature-none = geen

## check

index-entries = { $entries ->
    [one] { $entries } indexregel
   *[other] { $entries } indexregels
}
check-problems = { $problems ->
    [one] { $problems } probleem
   *[other] { $problems } problemen
}
check-repaired = hersteld: { index-entries } opnieuw opgebouwd uit de records ({ check-problems } gevonden, { $left } over)
check-records = { $kind ->
    [account] { $count ->
        [one] { $count } account
       *[other] { $count } accounts
    }
    [contact] { $count ->
        [one] { $count } contactpersoon
       *[other] { $count } contactpersonen
    }
    [lead] { $count ->
        [one] { $count } lead
       *[other] { $count } leads
    }
    [opportunity] { $count ->
        [one] { $count } deal
       *[other] { $count } deals
    }
    [activity] { $count ->
        [one] { $count } activiteit
       *[other] { $count } activiteiten
    }
    [appointment] { $count ->
        [one] { $count } afspraak
       *[other] { $count } afspraken
    }
    [nps] { $count ->
        [one] { $count } NPS-antwoord
       *[other] { $count } NPS-antwoorden
    }
   *[other] { $count } { $kind }
}
check-consistent = opslag { $store } klopt: { $records }; { index-entries }; { $changes ->
    [one] { $changes } wijziging
   *[other] { $changes } wijzigingen
} vastgelegd
check-problem = probleem: { $problem }
check-more = … en nog { $count }
check-repairable = de opslag in { $store } heeft { check-problems }, hierboven genoemd, die `wortel check --repair` herstelt
check-not-repairable = de opslag in { $store } heeft { check-problems }, hierboven genoemd, die een herstel niet oplost; bewaar een kopie van de map en zet je laatste back-up terug

## leads accept|reject|snooze|convert

triage-step = { $step ->
    [accepted] geaccepteerd
    [rejected] afgewezen
    [snoozed] uitgesteld
    [woke] teruggehaald
   *[converted] omgezet
}
triage-done = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} { triage-step }
triage-no-such-lead = { $lead } (bestaat niet)
triage-refused = { $refused } van { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} niet { triage-step }: { $leads }; { $others ->
    [none] er is niets gewijzigd
   *[some] de andere wel
}
triage-unknown-lead = er is geen lead { $lead } in deze opslag; `wortel leads --all` geeft de nummers
triage-converted = lead { $lead } is nu { $status }
triage-deal-created = {"  "}deal { $deal } gemaakt: "{ $title }"
triage-until-not-after-today = --until { $until } ligt niet na vandaag; geef een latere dag, bijv. +3d

## agenda

agenda-empty = niets op de agenda: geen afspraken, opvolgingen of bezoeken die aan de beurt zijn
agenda-count = { $count ->
    [one] { $count } punt
   *[other] { $count } punten
} op de agenda
agenda-replacements = { $count ->
    [one] { $count } vervanging
   *[other] { $count } vervangingen
} vóór { $date } zonder lead: `wortel leads due-replacements --months { $months } --create` maakt hun leads
agenda-late = { $days }d te laat
agenda-due = nu
agenda-appointment = afspraak { $minutes } min
agenda-follow-up = opvolgen { $date }
agenda-last-contact = laatst { $date }
agenda-never-contacted = nooit benaderd
agenda-visit-due = bezoek: tier { $tier } elke { $weeks } wk, { $last }
agenda-appointments = Afspraken vandaag, { $day }
agenda-follow-ups = Opvolgingen: te laat en vandaag
agenda-overdue = Opvolgingen te laat
agenda-today = { $day } (vandaag)
agenda-day = { $day }
agenda-visits-due = Toe aan een bezoek (ritme per tier)

## deal show|edit

deal-no-value = geen waarde
deal-value = waarde
deal-quantity = aantal
deal-product = product
deal-expected-close = verwachte sluiting
deal-next-step = volgende stap
deal-quote = offerte
deal-quote-valid-until = { $quote } (geldig tot { $until })
deal-note = notitie
deal-changed = deal "{ $title }" gewijzigd:
deal-flag-empty = --{ $flag } is leeg; geef { $flag ->
    [value] een waarde
    [close] een sluitdatum
    [next] een datum voor de volgende stap
   *[other] een { $flag }
}, of gebruik --{ $clear } om het veld leeg te maken

## log-visit

visit-time-not-hhmm = tijd `{ $time }` is geen UU:MM; geef bijv. 14:30
visit-time-not-rfc3339 = tijd `{ $time }` is geen RFC 3339-tijd; geef bijv. 2026-11-23T14:30:00+01:00
visit-logged = { $kind } met { $account } vastgelegd
visit-logged-outcome = { $kind } ({ $outcome }) met { $account } vastgelegd
visit-next-step = {"  "}volgende stap: { $date }
visit-about-what = zeg waar de activiteit over gaat: --lead, --account of --opportunity

## account show

account-no-such-id = geen account heeft nummer { $id }; `wortel accounts` geeft ze
account-no-such-name = geen account heet `{ $name }`; `wortel accounts --search { $quoted }` vindt namen die erop lijken
account-ambiguous = `{ $name }` past bij { $count } accounts: { $listed }{ $more ->
    [0] {""}
   *[other] {" "}en nog { $more }
}; geef het nummer of meer van de naam
account-address = adres
account-kvk = kvk
account-phone = telefoon
account-email = e-mail
account-owner = eigenaar
account-id = id
account-contacts = contactpersonen ({ $count })
account-leads = leads ({ $count })
account-deals = deals ({ $count })
account-activities = laatste activiteiten ({ $count })

## demo en een kale `wortel` buiten een terminal

demo-out-of-range = --{ $flag } { $given } valt buiten het bereik; geef 1 tot en met { $max }
demo-bundle-written = een ondertekende leadbundel van het hoofdkantoor geschreven naar { $file }; probeer `wortel import { $file }`
demo-built = demo-opslag { $store } gebouwd in { $ms } ms (seed { $seed })
demo-not-a-terminal = Dit is geen terminal, dus het volledige scherm blijft dicht; voer `wortel{ $flag }` in een terminal uit.
demo-from-scripts = Vanuit scripts:
demo-hint-leads = {"  "}wortel leads{ $flag }            de inbox, waardevolste eerst
demo-hint-accounts = {"  "}wortel accounts{ $flag } --search NAAM
demo-hint-funnel = {"  "}wortel funnel{ $flag }           de pijplijn en de prognose
demo-hint-log-visit = {"  "}wortel log-visit{ $flag } --lead ID --outcome 2
demo-who = dealer { $dealer }, verkoper { $salesperson }
demo-not-set-up = niet ingericht (voer `wortel init` uit)
demo-store = opslag { $store }: { $who }
demo-leads = {"  "}leads: { $all } in totaal, { $open } open, { $new } nieuw, { $overdue } te laat
demo-records = {"  "}accounts: { $accounts }  contactpersonen: { $contacts }  activiteiten: { $activities }  afspraken: { $appointments }
demo-funnel = {"  "}funnel: { $deals } open deals, gewogen prognose { $forecast }
demo-real-store = { $path } bevat de opslag van dealer { $dealer }; een demo vervangt nooit echte gegevens, dus geef --store PAD voor de demo
demo-store-without-dealer = { $path } bevat een opslag met gegevens maar zonder dealernummer; een demo vervangt die nooit, dus geef --store PAD voor de demo
demo-no-directory-name = { $path } heeft geen mapnaam; geef een --store-pad zoals ./demo-store
demo-cannot-remove = kon het achtergebleven { $path } niet verwijderen
demo-cannot-create = kon { $path } niet maken
demo-cannot-move-aside = kon de vorige demo in { $path } niet opzij zetten
demo-cannot-move-in = kon de nieuwe demo niet naar { $path } verplaatsen

## init

the-file = het bestand { $file }
init-bad-dealer = dealernummer `{ $dealer }` is ongeldig; gebruik 1–32 letters, cijfers, - of _ (bijv. NL-0421)
init-demo-dealer = dealernummer { $dealer } is voor demo-opslagen; gebruik je eigen dealernummer
init-bad-salesperson = de naam van de verkoper moet 1–100 tekens lang zijn; geef je naam zoals het hoofdkantoor die kent
init-key-unreadable = het sleutelbestand van het hoofdkantoor { $file } kan niet gelezen worden ({ $why }); controleer het pad
init-already = opslag { $store } is al ingericht voor dealer { $dealer }, verkoper { $salesperson }
init-other-dealer = de opslag in { $store } is al van dealer { $dealer } ({ $salesperson }); gebruik een ander --store-pad voor een nieuwe dealer
init-done = opslag { $store } ingericht voor dealer { $dealer }, verkoper { $salesperson }
init-public-key = publieke sleutel voor het hoofdkantoor (terugkoppelingsbundels worden ermee ondertekend): { $key }
init-key-pinned = de sleutel van het hoofdkantoor { $key } is vastgelegd: bundels van het hoofdkantoor moeten ermee ondertekend zijn

## backup, restore

backup-written = { $file }: een back-up van { $store } ({ $kib } KiB); zet hem terug met `wortel restore { $file }`
restore-done = { $store } teruggezet uit { $file }; de vorige opslag is pas vervangen nadat de back-up in orde bleek
restore-erased-again = {"  "}{ $count ->
    [one] { $count } persoon
   *[other] { $count } personen
} gewist sinds de back-up gemaakt is opnieuw gewist; hun grafstenen bewaard
restore-old-store-unread = {"  "}de vervangen opslag kon niet gelezen worden ({ $why }), dus personen die na de back-up gewist zijn, zijn terug: wis ze opnieuw met `wortel privacy erase`

## export (de wekelijkse terugkoppelingsbundel)

feedback-again = { $file }: de terugkoppelingsbundel voor { $week } opnieuw, zoals eerder geëxporteerd
feedback-written = { $file }: terugkoppeling voor { $week } (volgnummer { $sequence }), ondertekend met de sleutel van deze opslag

## benchmark

col-measure = MAATSTAF
col-network = NETWERK
col-yours = JIJ
benchmark-from = netwerkcijfers uit bundel { $bundle } ({ $created })
benchmark-none = nog geen netwerkcijfers: importeer een benchmarkbundel van het hoofdkantoor

## accounts --due

due-none = geen account is toe aan een bezoek
col-every = ELKE
col-last-contact = LAATSTE CONTACT
col-due = TOE OP
col-late = TE LAAT
due-every = { $weeks } wk
due-never = nooit
due-late-days = { $days }d
due-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
} toe aan een bezoek

## leads due-replacements

replacements-months = --months { $months } ligt niet tussen 0 en 120; geef een aantal maanden zoals 6
replacements-none = geen vervangingen binnen { $months ->
    [one] { $months } maand
   *[other] { $months } maanden
}
col-replace-by = VERVANGEN VOOR
col-product = PRODUCT
col-lead = LEAD
replacements-new-lead = { $lead } (nieuw)
replacements-made = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} gemaakt
replacements-open = { $count ->
    [one] { $count } vervanging
   *[other] { $count } vervangingen
} zonder lead; --create maakt ze

## log-visit --contact

contact-none-on-account = het account heeft geen contactpersonen, dus --contact `{ $contact }` kan er geen zijn; laat het weg
contact-not-on-account = geen contactpersoon van het account heet `{ $contact }`; de contactpersonen zijn { $contacts }
contact-ambiguous = --contact `{ $contact }` past bij meerdere contactpersonen ({ $contacts }); geef meer van de naam

## het volledige scherm, zoals de opdrachtregel het opent en sluit

view-needs-terminal = het volledige scherm heeft een terminal nodig; gebruik vanuit scripts een subopdracht zoals `wortel leads`
view-backups-not-rewritten = de back-ups konden na het wissen niet herschreven worden ({ $why }); er kunnen nog gegevens van de gewiste personen in staan, en de volgende wortel-opdracht probeert het opnieuw
view-store-not-rewritten = de bestanden van de opslag konden na het wissen niet herschreven worden ({ $why }); dat gebeurt als het volledige scherm de volgende keer sluit
view-not-served = opdrachten uit andere terminals kunnen dit scherm niet bereiken ({ $why }); zij vinden de opslag in gebruik
view-finishing-backup = de back-up van vandaag wordt afgemaakt …

## funnel, leads, en wat elke opdracht nodig heeft

funnel-close-not-a-month = --close { $close } is geen maand; schrijf het als 2026-12
funnel-headline = prognose, { $headline }
leads-bad-tier = { $why }; geef --tier 1, 2 of 3
context-empty-store-path = het opslagpad is leeg (controleer --store of WORTEL_STORE); geef een map
context-bad-now = WORTEL_NOW `{ $now }` is geen RFC 3339-tijd zoals 2026-11-23T09:00:00Z; verbeter of verwijder hem
context-no-home = er is geen thuismap bekend, dus geen standaardplek voor de opslag; geef --store PAD of zet WORTEL_STORE

## opdrachten naast het open volledige scherm

view-holds-store = { $why ->
    [demo] een demo vervangt de opslag, en het volledige scherm (pid { $pid }) heeft deze opslag open; sluit het scherm eerst (q), of geef --store PAD voor een demo elders
    [init] deze opslag is al ingericht, en het volledige scherm (pid { $pid }) heeft hem open; richt een nieuwe opslag in met --store PAD
    [restore] terugzetten vervangt de opslag, en het volledige scherm (pid { $pid }) heeft deze opslag open; sluit het scherm eerst (q), zet dan terug
    [debug] het volledige scherm (pid { $pid }) heeft deze opslag open; deze testopdracht heeft de opslag voor zich alleen nodig
   *[switch] het volledige scherm (pid { $pid }) heeft deze opslag open in een andere terminal; ga daarheen, of sluit het eerst (q)
}
view-cannot-enter = het volledige scherm kan je map { $dir } niet in; voer de opdracht uit een andere map uit
served-import = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} geïmporteerd uit een andere terminal
served-change = een wijziging uit een andere terminal
served-line = uit een andere terminal: { $line }

## man

man-cannot-create = kan { $dir } niet maken; geef een map waarin geschreven kan worden
man-cannot-write = kan { $file } niet schrijven; geef een map waarin geschreven kan worden
man-cannot-write-into = kan geen pagina schrijven in { $dir }
bundle-file-checked = { $records }  blake3 { $blake3 }…  in orde
view-command-panicked = een interne fout stopte deze opdracht in het volledige scherm (een fout in wortel, niet in je gegevens; elke bevestigde wijziging is bewaard): { $what }
