# `--help` en de man-pagina, per opdrachtpad: help-leads-reject is `wortel leads reject`,
# help-leads-reject--reason de --reason ervan. De eerste alinea is de korte hulp.

help-usage = Gebruik:
help-heading-commands = Opdrachten
help-heading-arguments = Argumenten
help-heading-options = Opties
help-flag-help = Toon de hulp (meer met --help)
help-flag-version = Toon de versie
help-help = Toon deze hulp of die van de genoemde subopdracht(en)

help =
    wortel — een CRM voor de terminal, met het toetsenbord, voor verkopers van dealers.

    Werk de leads van het hoofdkantoor af, beheer accounts, leg bezoekuitkomsten in seconden vast, breng deals door de funnel en stuur wekelijks terugkoppeling naar het hoofdkantoor. De gegevens blijven in een lokale opslag.
help--store =
    De opslagmap (standaard: de gegevensmap van het platform, bijv. ~/.local/share/wortel/store)
help-demo =
    Bouw een realistische demo-opslag voor een Nederlandse truckdealer (dealernummer DEMO) en open hem
help-demo--leads =
    Hoeveel leads er gemaakt worden (accounts: half zoveel)
help-demo--seed =
    Het startgetal van het toeval; hetzelfde getal geeft dezelfde opslag
help-demo--no_tui =
    Bouw alleen de opslag; open hem niet
help-demo--bundle =
    Schrijf hier ook een ondertekende voorbeeldbundel met leads van het hoofdkantoor (de demo-opslag legt de demosleutel van het hoofdkantoor vast), om meteen `wortel import BESTAND` te proberen
help-demo--bundle_leads =
    Hoeveel leads die voorbeeldbundel bevat (een grote meet een import)
help-init =
    Richt een opslag in voor een dealer en een verkoper
help-init--dealer =
    Het dealernummer waaronder het hoofdkantoor deze dealer kent (letters, cijfers, - en _)
help-init--salesperson =
    De verkoper die deze opslag gebruikt
help-init--head_office_key =
    De publieke sleutel van het hoofdkantoor (een bestand met 64 hextekens): eenmaal vastgelegd moeten bundels van het hoofdkantoor ermee ondertekend zijn
help-leads =
    Toon de leads in inboxvolgorde (tier, te laat, score, leeftijd), of accepteer, wijs af of stel ze uit
help-leads--status =
    Alleen leads met deze statussen (komma's ertussen; standaard: de open)
help-leads--all =
    Elke status, ook de gesloten
help-leads--tier =
    Alleen deze tiers (1 klanten, 2 bekende prospects, 3 onbekende prospects)
help-leads--channel =
    Alleen leads uit dit kanaal
help-leads--overdue =
    Alleen nieuwe leads over hun reageer-voor-termijn heen
help-leads--search =
    Zoek op account, plaats, interesse en leadnummer; beste treffers eerst
help-leads--limit =
    Hoogstens zoveel leads (standaard: 50 in een tabel, alle met --json)
help-leads--json =
    Eén JSON-lijst met leads, voor scripts
help-leads-accept =
    Accepteer nieuwe (of uitgestelde) leads: jij neemt contact op
help-leads-accept--ids =
    Leadnummers (van wortel of van het hoofdkantoor)
help-leads-reject =
    Wijs leads af, met een reden uit de afwijsredenen van de opslag
help-leads-reject--reason =
    Waarom (een van de afwijsredenen, in het Nederlands of Engels, bijv. "geen budget")
help-leads-snooze =
    Stel leads uit tot een datum (bijv. 2026-12-01, 4-12, 4 dec, +3d, ma, morgen)
help-leads-snooze--until =
    De dag waarop ze terugkomen in de inbox
help-leads-due-replacements =
    Producten van het machinepark die aan vervanging toe zijn; --create maakt hun leads
help-leads-due-replacements--months =
    Vervangdatums tot zoveel maanden vooruit (en die al verstreken zijn)
help-leads-due-replacements--create =
    Maak een lead voor elke vervanging waar nog geen lead voor is
help-leads-due-replacements--json =
    Eén JSON-lijst, voor scripts
help-leads-convert =
    Maak van een lead een deal, eventueel met een geschatte waarde in euro's
help-leads-convert--value =
    De geschatte waarde van de deal (95000, 95.000 of 95.000,50); zonder heeft de deal er geen
help-account =
    Toon één account (op nummer of naam) met zijn contactpersonen, leads, deals en activiteiten
help-account-show =
    Eén account met zijn contactpersonen, leads, deals en laatste activiteiten
help-account-show--account =
    Het nummer van het account, of de naam (of het begin van elk woord ervan, bijv. "brouwer til")
help-account-show--json =
    Eén JSON-object, voor scripts
help-accounts =
    Toon de accounts op naam
help-accounts--search =
    Zoek in accountnamen, gerangschikt zoals fzf dat doet: hele woorden, dan woordbegin, dan de rest (losse treffers alleen als geen naam elk woord heeft)
help-accounts--lifecycle =
    Alleen accounts in deze fase (prospect, customer, ex-customer)
help-accounts--limit =
    Hoogstens zoveel accounts (standaard: 50 in een tabel, alle met --json)
help-accounts--due_visit =
    Alleen accounts die volgens het ritme van hun tier (`[cadence]` in config.toml) aan een bezoek toe zijn of te laat, de meest verlate eerst binnen elke tier
help-accounts--json =
    Eén JSON-lijst met accounts, voor scripts
help-agenda =
    De agenda: afspraken van vandaag, opvolgingen die nu of te laat zijn, bezoeken volgens het ritme
help-agenda--week =
    De hele week, maandag tot en met zondag, per dag (standaard: vandaag)
help-agenda--json =
    Eén JSON-lijst met agendaregels, voor scripts
help-funnel =
    Toon de funnel: aantallen, waarden en gewogen waarden per stap, en de prognose
help-funnel--stage =
    Alleen deze stappen (komma's ertussen) in de --json-lijst
help-funnel--period =
    De periode waarover de deals geteld worden: open deals die erin zouden sluiten (zonder datum tellen ze in de huidige periode), gewonnen en verloren deals die erin gesloten zijn: 2026-11, 2026-Q4, 2026 of all. Standaard: het huidige kwartaal, zoals het bord
help-funnel--owner =
    Alleen deals van deze eigenaar
help-funnel--source =
    Alleen deals uit leads van het hoofdkantoor (head-office) of eigen leads van de dealer (own)
help-funnel--close =
    Alleen open deals die in deze maand zouden sluiten (2026-12); de periode is die maand tenzij --period iets anders zegt
help-funnel--totals =
    Met --json: toon het object met totalen in plaats van de lijst met deals
help-funnel--json =
    Eén JSON-lijst met deals (of, met --totals, één object met totalen), voor scripts
help-log-visit =
    Leg een bezoek, telefoontje, e-mail, overleg of notitie vast en voer de uitkomst door
help-log-visit--lead =
    De lead: het nummer van wortel of van het hoofdkantoor (bijv. HQ-2026-000123)
help-log-visit--account =
    Het accountnummer
help-log-visit--opportunity =
    Het dealnummer
help-log-visit--kind =
    visit, call, email, meeting of note
help-log-visit--outcome =
    appointment-made, quote-sent, order-won, order-lost, follow-up, no-contact, not-interested (of 1–7)
help-log-visit--note =
    Een notitie over wat er gebeurde
help-log-visit--next =
    De datum van de volgende stap (2026-12-01, 4-12, 4 dec, +3d, +2w, +1m, vr, morgen); bij appointment-made de datum van de afspraak
help-log-visit--time =
    Het tijdstip van de afspraak, UU:MM (standaard 10:00)
help-log-visit--reason =
    De reden van verlies, bij order-lost (uit de lijst van de opslag, bijv. prijs)
help-log-visit--value =
    In euro's (95000, 95.000 of 95.000,50): de eindwaarde bij order-won (verplicht als de deal er geen heeft), de offertewaarde bij quote-sent, de schatting bij appointment-made
help-log-visit--valid_until =
    Tot wanneer de offerte geldt, bij quote-sent (2026-12-31, +30d, …)
help-log-visit--contact =
    Wie bezocht of gebeld is: een contactpersoon van het account, op naam (of een deel ervan) of nummer (standaard: de contactpersoon van de lead)
help-log-visit--at =
    Wanneer het gebeurde (RFC 3339; standaard: nu)
help-log-visit--json =
    Toon het resultaat als JSON
help-deal =
    Eén deal: toon hem, of wijzig titel, waarde, aantal, product en datums
help-deal-show =
    Toon één deal: stap, waarde, aantal, product, datums, offerte en notitie
help-deal-show--id =
    Het nummer van de deal (zoals `wortel funnel --json` het geeft)
help-deal-show--json =
    Toon hem als één JSON-object
help-deal-edit =
    Wijzig velden van een open deal; alleen de gegeven velden veranderen (--clear-value, --clear-close en --clear-next maken er een leeg)
help-deal-edit--id =
    Het nummer van de deal
help-deal-edit--value =
    De waarde van de deal in euro's (95000, 95.000 of 95.000,50)
help-deal-edit--clear_value =
    Maak de waarde leeg: de deal heeft nog geen waarde (de prognose telt hem apart)
help-deal-edit--quantity =
    Hoeveel van het product (minstens 1)
help-deal-edit--close =
    De verwachte sluitdatum (2026-12-15, +30d, vr)
help-deal-edit--clear_close =
    Maak de verwachte sluitdatum leeg (het bord telt de deal dan als nu sluitend)
help-deal-edit--next =
    De volgende stap van de deal (2026-12-01, 4-12, 4 dec, +3d, vr, morgen)
help-deal-edit--clear_next =
    Maak de volgende stap van de deal leeg
help-deal-edit--product =
    Wat er verkocht wordt, bijv. "R 450 trekker"
help-deal-edit--note =
    Een notitie bij de deal
help-import =
    Importeer een bundel van het hoofdkantoor (leads): eerst gecontroleerd, dan alles of niets
help-import--file =
    De bundel (.zip) die het hoofdkantoor stuurde, of met --csv een spreadsheet met leads
help-import--csv =
    Het bestand is een CSV met leads (kolommen in de README), geen bundel
help-import--dialect =
    Met --csv: het dialect van het blad, standard (`,`) of excel-nl (`;`, zoals Nederlandse Excel opslaat). Zonder beslist de kopregel; mét wordt een blad in het andere dialect geweigerd
help-benchmark =
    De cijfers van het netwerk van het hoofdkantoor naast de jouwe (percentages in %, reactietijd in uren)
help-backup =
    Schrijf een consistente back-up van de opslag, met controlegetallen
help-backup--file =
    Waar de back-up komt (een .zip)
help-restore =
    Vervang de opslag door een back-up, na controle (de oude opslag blijft tot het gelukt is)
help-restore--file =
    De back-up die teruggezet wordt (een .zip)
help-restore--repair =
    Als de enige fouten van de back-up indexen zijn die niet met de records kloppen: bouw ze opnieuw op bij het terugzetten
help-privacy =
    De rechten van de mensen in de opslag: inzage (export) en wissen
help-privacy-export =
    Alles wat de opslag over een persoon bewaart, als één JSON-document
help-privacy-export--person =
    Een contactnummer of de naam van de persoon
help-privacy-export--out =
    Schrijf het document hierheen in plaats van naar de standaarduitvoer
help-privacy-consent =
    Leg gegeven of ingetrokken toestemming van een persoon vast (intrekken bewaart de geschiedenis)
help-privacy-consent--person =
    Een contactnummer of de naam van de persoon
help-privacy-consent--withdraw =
    Trek de toestemming voor dit doel in: sales-contact of marketing
help-privacy-consent--give =
    Leg gegeven toestemming voor dit doel vast: sales-contact of marketing
help-privacy-consent--source =
    Waar de toestemming vandaan kwam (met --give), bijv. "telefoongesprek"
help-privacy-purge =
    Verwijder persoonsgegevens die over hun bewaartermijn heen zijn ([retention] in config.toml)
help-privacy-purge--dry_run =
    Toon alleen wat aan de beurt is
help-privacy-erase =
    Verwijder de persoonsgegevens van iemand overal en herschrijf dan de bestanden van de opslag
help-privacy-erase--person =
    Een contactnummer of de naam van de persoon
help-privacy-erase--yes =
    Niet vragen (voor scripts)
help-bundle =
    Kijk in een bundel zonder de opslag aan te raken
help-bundle-inspect =
    Toon het manifest, controleer de controlegetallen en (als een sleutel bekend is) de handtekening, tel de records
help-bundle-inspect--file =
    De bundel (.zip)
help-bundle-inspect--key =
    Het bestand met de publieke sleutel van de afzender (standaard: de in de opslag vastgelegde sleutel van het hoofdkantoor, als die er is)
help-export =
    Exporteer voor andere programma's: CSV voor spreadsheets, iCalendar, vCard
help-export--week =
    De ISO-week van de terugkoppelingsbundel, bijv. 2026-W47 (standaard: deze week). Een week opnieuw exporteren geeft hetzelfde bestand
help-export--out =
    Waar de terugkoppelingsbundel komt (standaard: feedback-<dealer>-<week>.zip hier)
help-export--csv =
    Schrijf accounts.csv, leads.csv, opportunities.csv en activities.csv in deze map
help-export--dialect =
    Met --csv: standard (UTF-8, `,`, 95000.00; de standaard) of excel-nl (UTF-8 met BOM, `;`, 95000,00), dat Excel met Nederlandse instellingen in de juiste kolommen opent
help-export--ics =
    Schrijf afspraken en opvolgingen als iCalendar-bestand (RFC 5545)
help-export--vcf =
    Schrijf contactpersonen als vCard 4.0-bestand (RFC 6350)
help-export--marketing =
    Met --vcf of --csv: alleen contactpersonen met geldige toestemming voor marketing vandaag, en alleen de accounts (met hun leads, deals en activiteiten) die zo'n contactpersoon hebben
help-check =
    Controleer de opslag: records, indexen en het wijzigingslogboek kloppen met elkaar
help-check--repair =
    Herstel wat te herstellen is: indexen opnieuw opgebouwd uit de records, een hoofdkantoornummer dat twee leads dragen blijft bij de eerste
help-completions =
    Toon aanvullingen voor de shell (bash, zsh, fish, elvish, powershell)
help-completions--shell =
    De shell waarvoor de aanvullingen zijn
help-man =
    Toon de man-pagina (roff), of schrijf elke pagina met --all MAP
help-man--all =
    Schrijf wortel.1 en een pagina per subopdracht in deze map
help-export--headers =
    Met --csv: de namen in de kopregel, machine (vaste snake_case-namen, de standaard) of nl (Nederlandse kolomtitels voor wie het blad leest)
