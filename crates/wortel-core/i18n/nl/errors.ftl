# Wat de opslag weigert, zoals de opdrachtregel het zegt (src/cli/errors.rs koppelt elke
# StoreError hieraan).

store-in-use = de opslag in { $path } is open in een ander wortel-proces; sluit dat eerst
store-missing = er is geen wortel-opslag in { $path }; maak er een met `wortel init --dealer ID --salesperson NAAM` of `wortel demo`
store-not-a-store = { $path } is geen wortel-opslag (er staan andere bestanden in); kies een ander --store-pad
store-not-a-directory = { $path } is een bestand, geen wortel-opslag; kies een map als --store-pad
store-too-new = de opslag in { $path } is geschreven door een nieuwere wortel (schemaversie { $found }, deze wortel kent tot en met { $supported }); werk wortel bij om haar te openen
store-no-identity = de opslag heeft geen dealernummer; voer eerst `wortel init --dealer ID --salesperson NAAM` uit
store-not-found = { $what ->
    [lead] lead
    [account] account
    [contact] contactpersoon
    [opportunity] deal
    [activity] activiteit
    [appointment] afspraak
   *[record] record
} { $id } bestaat niet; controleer het nummer (`wortel { $list }` geeft ze)
store-corrupt = record { $id } in { $tree } is onleesbaar ({ $detail }); voer `wortel check` uit en zet een back-up terug als het blijft
store-disk-full = de schijf met de opslag in { $path } is vol; maak ruimte (verwijder of verplaats bestanden) en probeer het opnieuw — wat eerder bewaard is blijft, de mislukte wijziging is niet bewaard
store-read-only = de opslag in { $path } is alleen-lezen (de schijf is alleen-lezen); maak haar schrijfbaar of geef een andere --store — wat eerder bewaard is blijft, de mislukte wijziging is niet bewaard
store-not-allowed = de opslag in { $path } is alleen-lezen (je mag er niet in schrijven); maak haar schrijfbaar of geef een andere --store — wat eerder bewaard is blijft, de mislukte wijziging is niet bewaard
store-io = de opslag in { $path } kon niet gelezen of geschreven worden: { $detail }
store-damaged = de opslag in { $path } is beschadigd ({ $what }); { $advice }
store-bad-backup = { $file } is geen bruikbare wortel-back-up ({ $why }); de opslag is niet aangeraakt
