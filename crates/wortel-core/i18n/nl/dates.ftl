# Wat de datuminvoer zegt als hij niet begrijpt wat er getypt is.

date-not-understood = datum `{ $input }` wordt niet begrepen; gebruik 2026-12-01, 4-12, 4 dec, +3d, +2w, ma…zo, vandaag of morgen
date-does-not-exist = { $input } bestaat niet; controleer de dag en de maand
date-too-far = datum `{ $input }` ligt meer dan tien jaar weg; geef een datum die dichterbij ligt
