"""Document reading accuracy on perfect text (the corpus's exact word boxes, no OCR),
per family group: seen (A-D, used for rules and training), held-out H and held-out K
(never used for either), and held-out L (``corpus_blind.py``: written blind, by an author
who had not read the reader's rules). Prints the per-field tables, the misses and the
classifier's confusion on the held-out families. ``--ocr-l N`` also scans N documents of
L (one class after another), reads them with Tesseract and scores them.

M (``corpus_blind_m.py``: a second family written blind, in another hand) is measured
with ``--family m`` (M only) or ``--family all``, ``--ocr-m N`` scans and reads N of its
documents. M was blind until round 6, which read its misses (``--misses``) to fix them by
kind: from then on M is read, like H, K and L, and no longer a blind measurement.

N (``corpus_blind_n.py``: a third family written blind, in a third hand) is measured the
same way with ``--family n`` (N only) or ``--family all``; ``--ocr-n N`` scans and reads N
of its documents. N was blind until round 7, which read its misses (``--misses``) to fix
them by kind: from then on N is read, like H, K, L and M, and no longer a blind
measurement. A family still blind gets a ``Family`` record with ``blind=True`` (its misses
are never printed).

O (``corpus_blind_o.py``: a fourth blind family, in a fourth hand) likewise:
``--family o`` (O only) or ``--family all``, ``--ocr-o N`` scans and reads N of its
documents. O was blind until round 8, which read its misses (``--misses``) to fix them by
kind: from then on O is read, like H, K, L, M and N, and no longer a blind measurement.

P, Q and R (``corpus_blind_p.py``, ``corpus_blind_q.py``, ``corpus_blind_r.py``: blind
families in a fifth, sixth and seventh hand) likewise: ``--family p|q|r`` (one of them) or
``--family all``, ``--ocr-p|q|r N`` scans and reads N of its documents. They were blind
until round 10, which read their misses (``--misses``) to fix them by kind and trains on
them (``read_families``): from then on they are read, like H and K-O, and no longer a
blind measurement.

S (``corpus_blind_s.py``: an eighth blind family, in an eighth hand, written beside round
10 and never shown to it) likewise: ``--family s`` (S only) or ``--family all``, ``--ocr-s
N`` scans and reads N of its documents. S was blind until round 11, which read its misses
(``--misses``) to fix them by kind and trains on it (``read_families``): from then on S is
read, like H and K-R, and no longer a blind measurement. A new family gets a ``Family``
record with ``blind=True`` until it is read.

T (``corpus_blind_t.py``: a ninth blind family, in a ninth hand, written against main's
round-10 reader, never shown to round 11, measured blind after it) likewise: ``--family t``
(T only) or ``--family all``, ``--ocr-t N`` scans and reads N of its documents. T was blind
until round 12, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on T is read, like H and K-S, and no longer a blind
measurement.

U (``corpus_blind_u.py``: a tenth blind family, in a tenth hand, written while round 12
read T's misses, measured blind on rounds 11 and 12) likewise: ``--family u`` (U only) or
``--family all``, ``--ocr-u N`` scans and reads N of its documents. U was blind until round
13, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on U is read, like H and K-T, and no longer a blind
measurement.

V (``corpus_blind_v.py``: an eleventh blind family, in an eleventh hand, written while
round 13 read U's misses, measured blind on rounds 12 and 13) likewise: ``--family v`` (V
only) or ``--family all``, ``--ocr-v N`` scans and reads N of its documents (its phone
photos as JPEG). V was blind until round 14, which read its misses (``--misses``) to fix
them by kind and trains on it (``read_families``): from then on V is read, like H and K-U,
and no longer a blind measurement.

W (``corpus_blind_w.py``: a twelfth blind family, in a twelfth hand, written while round
14 read V's misses, measured blind on rounds 13 and 14) likewise: ``--family w`` (W only)
or ``--family all``, ``--ocr-w N`` scans and reads N of its documents. W was blind until
round 15, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on W is read, like H and K-V, and no longer a blind
measurement.

X (``corpus_blind_x.py``: a thirteenth blind family, in a thirteenth hand, measured
blind on rounds 13, 14 and 15) likewise: ``--family x`` (X only) or ``--family all``,
``--ocr-x N`` scans and reads N of its documents (its sheet-feeder scans as TIFF). X was
blind until round 16, which read its misses (``--misses``) to fix them by kind and trains
on it (``read_families``): from then on X is read, like H and K-W, and no longer a blind
measurement.

Held-out Y (``corpus_blind_y.py``: a fourteenth blind family, in a fourteenth hand,
measured against main's round-14 reader and never shown to it): ``--family y`` (Y only)
or ``--family all``, ``--ocr-y N`` scans and reads N of its documents (its phone photos as
JPEG). Y's misses are never printed.

Z (``corpus_blind_z.py``: a fifteenth blind family, in a fifteenth hand, measured
blind against main's round-15 reader and on rounds 16 and 17): ``--family z`` (Z only)
or ``--family all``, ``--ocr-z N`` scans and reads N of its documents (its faxes as PDF,
its scanner-app pages as JPEG). Z was blind until round 18, which read its misses
(``--misses``) to fix them by kind and trains on it (``read_families``): from then on Z is
read, like H, K-X and G, and no longer a blind measurement.

G (``corpus_blind_g.py``: a sixteenth blind family, in a sixteenth hand, lettered G
because the alphabet ran out after Z and the corpus's own families never took G; measured
blind on rounds 15 and 16): ``--family g`` (G only) or ``--family all``, ``--ocr-g N``
scans and reads N of its documents (its phone photos as JPEG, its dot-matrix prints as
PDF). G was blind until round 17, which read its misses (``--misses``) to fix them by kind
and trains on it (``read_families``): from then on G is read, like H and K-X, and no
longer a blind measurement.

E (``corpus_blind_e.py``: a seventeenth blind family, in a seventeenth hand, lettered E
because the corpus's own families never took E; measured blind against main's round-16
reader and on rounds 17 to 19): ``--family e`` (E only) or ``--family all``, ``--ocr-e N``
scans and reads N of its documents (its pages through a plastic pocket as JPEG, its thermal
faxes as PDF). E was blind until round 20, which read its misses (``--misses``) to fix them
by kind and trains on it (``read_families``): from then on E is read, like H, K-X, G, Z and
F, and no longer a blind measurement.

F (``corpus_blind_f.py``: an eighteenth blind family, in an eighteenth hand, lettered F
because the corpus's own families never took F; measured blind against main's round-17
reader and on round 18): ``--family f`` (F only) or ``--family all``, ``--ocr-f N`` scans
and reads N of its documents (its screen photos as JPEG, its crumpled pages as PNG, its
copier's black-and-white pages as group-4 TIFF). F was blind until round 19, which read its
misses (``--misses``) to fix them by kind and trains on it (``read_families``): from then
on F is read, like H, K-X, G and Z, and no longer a blind measurement.

Held-out I (``corpus_blind_i.py``: a nineteenth blind family, in a nineteenth hand,
lettered I because the corpus's own families never took I; measured against main's
round-18 reader and never shown to it): ``--family i`` (I only) or ``--family all``,
``--ocr-i N`` scans and reads N of its documents (its pink pages as PNG, its ghosted copies
as LZW TIFF, its open-lid scans as JPEG). I's misses are never printed.

Held-out J (``corpus_blind_j.py``: a twentieth blind family, in a twentieth hand, lettered
J because the corpus's own families never took J; measured against main's round-19 reader
and never shown to it): ``--family j`` (J only) or ``--family all``, ``--ocr-j N`` scans and
reads N of its documents (its photos under a venetian blind's shadow as JPEG, its
water-stained pages as palette PNG, its wide-lens photos as deflate TIFF). J's misses are
never printed.

AA (``corpus_blind_aa.py``: a twenty-first blind family, in a twenty-first hand, lettered
AA because every single letter is taken; measured blind against main's round-19 reader with
the later additions and on round 20): ``--family aa`` (AA only) or ``--family all``,
``--ocr-aa N`` scans and reads N of its documents (its blue carbon copies as JPEG, its
skewed and cut feeder scans as greyscale PNG, its low-toner prints as PackBits TIFF). AA was
blind until round 21, which read its misses (``--misses``) to fix them by kind and trains on
it (``read_families``): from then on AA is read, like H, K-X, G, Z, F and E, and no longer a
blind measurement. A two-letter key works as the letters do (``--skip`` matches a
key as a substring: ``--skip yeijaa`` leaves out Y, E, I, J and AA).

AB (``corpus_blind_ab.py``: a twenty-second blind family, in a twenty-second hand;
measured blind against main's round-20 reader and on rounds 21 to 26): ``--family ab`` (AB
only) or ``--family all``, ``--ocr-ab N`` scans and reads N of its documents (its phone
photos sent through a messaging app as JPEG, its ink-jet pages with blocked nozzles as
colour PNG, its two-to-a-sheet prints as uncompressed greyscale TIFF). AB was blind until
round 27, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AB is read, like H, K-X, G, Z, F, E, AA, AC and AE, and
no longer a blind measurement (``--skip y,i,j,ad,af,ag`` leaves out Y, I, J, AD, AF and
AG).

AC (``corpus_blind_ac.py``: a twenty-third blind family, in a twenty-third hand; measured
blind against main's round-21 reader and on rounds 22 to 24): ``--family ac`` (AC only) or
``--family all``, ``--ocr-ac N`` scans and reads N of its documents (its photocopies of
photocopies as greyscale LZW TIFF, its flash photos on recycled paper as colour JPEG, its
dusty-glass flatbed scans as greyscale PNG; two-page letters as PDF). AC was blind until
round 25, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AC is read, like H, K-X, G, Z, F, E and AA, and no longer
a blind measurement.

AD (``corpus_blind_ad.py``: a twenty-fourth blind family, in a twenty-fourth hand;
measured blind against main's round-22 reader and on later rounds): ``--family ad`` (AD
only) or ``--family all``, ``--ocr-ad N`` scans and reads N of its documents (its pages
curling off the glass as greyscale JPEG, its phone scanning app's black-and-white pages as
one-page PDF, its misregistered colour scans as PNG; three-page letters as PDF). AD was
blind until round 31, which read its misses (``--misses``) to fix them by kind and trains
on it (``read_families``): from then on AD is read and no longer a blind measurement.

AE (``corpus_blind_ae.py``: a twenty-fifth blind family, in a twenty-fifth hand; measured
blind against main's round-23 reader and on round 25): ``--family ae`` (AE only) or
``--family all``, ``--ocr-ae N`` scans and reads N of its documents (its grey-ink pages
through a laser printer's halftone screen as greyscale PNG, its phone photos sent through a
messaging app as colour JPEG, its sixteen-grey sharpened scans as greyscale PNG). AE was
blind until round 26, which read its misses (``--misses``) to fix them by kind and trains
on it (``read_families``): from then on AE is read, like H, K-X, G, Z, F, E, AA and AC, and
no longer a blind measurement. AB was blind until round 27, which read it; J was blind
until round 28, which read it; AI was blind until round 29, AF until round 30, AD until
round 31, AJ until round 32, AK until round 33, AG until round 34, AL until round 35, AN
and AO until round 38, AP and AQ until round 39, AR and AS until round 40, AT and AU until
round 41, AV and AW until round 42, AX and AY until round 43, AZ and BA until round 44, BB
until round 45, BC until round 46, BD until round 47, BG until round 48, BF until round 49
and BE until round 50, which read them; all twenty-nine are read since (``--skip
y,i,ah,bh,bi,bj,bk`` leaves out the blind Y, I, AH, BH, BI, BJ and BK).

AF (``corpus_blind_af.py``: a twenty-sixth blind family, in a twenty-sixth hand; measured
blind against main's round-25 reader and on rounds 26-28): ``--family af`` (AF only) or
``--family all``, ``--ocr-af N`` scans and reads N of its documents (its foxed old letters
as colour PNG, its multifunction "small file" scans halved by nearest-neighbour sampling as
greyscale PNG, its phone photos in a dim room as colour JPEG; two-page letters as PDF). AF
was blind until round 30, which read its misses (``--misses``) to fix them by kind and
trains on it (``read_families``): from then on AF is read and no longer a blind
measurement.

AG (``corpus_blind_ag.py``: a twenty-seventh blind family, in a twenty-seventh hand;
measured blind against main's round-25 reader and on rounds 26-33): ``--family ag`` (AG
only) or ``--family all``, ``--ocr-ag N`` scans and reads N of its documents (its cockled
pages as greyscale PNG, its phone photos held with a thumb over the margin as colour JPEG,
its slipping sheet feeder's scans as greyscale PNG; two-page letters as PDF). AG was blind
until round 34, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AG is read and no longer a blind measurement.

Held-out AH (``corpus_blind_ah.py``: a twenty-eighth blind family, in a twenty-eighth hand;
measured against main's round-26 reader and never shown to it): ``--family ah`` (AH only)
or ``--family all``, ``--ocr-ah N`` scans and reads N of its documents (its juddering
flatbed's scans as greyscale PNG, its dog-eared sheets as colour JPEG, its sheared feeds
as greyscale PNG; two-page booklets as PDF). AH's misses are never printed.

Held-out AI (``corpus_blind_ai.py``: a twenty-ninth blind family, in a twenty-ninth hand;
measured against main's round-26 reader and never shown to it): ``--family ai`` (AI only)
or ``--family all``, ``--ocr-ai N`` scans and reads N of its documents (its pages scanned in
two passes and stitched as greyscale PNG, its photos with a pen lying across the page as
colour JPEG, its recycled-paper pages as greyscale PNG; two-page letters as PDF). AI was
blind until round 29, which read its misses (``--misses``) to fix them by kind and trains on
it (``read_families``): from then on AI is read and no longer a blind measurement.

AJ (``corpus_blind_aj.py``: a thirtieth blind family, in a thirtieth hand; measured blind
against main's round-28 reader and on rounds 29-31): ``--family aj`` (AJ only) or
``--family all``, ``--ocr-aj N`` scans and reads N of its documents (its pages torn across
and taped back as greyscale PNG, its photos through a smudged lens as colour JPEG without a
resolution, its sun-faded ink-jet prints as colour PNG; all one page). AJ was blind until
round 32, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AJ is read and no longer a blind measurement.

AK (``corpus_blind_ak.py``: a thirty-first blind family, in a thirty-first hand; measured
blind against main's round-31 reader and on the merges of rounds 31 and 32): ``--family
ak`` (AK only) or ``--family all``, ``--ocr-ak N`` scans and reads N of its documents (its
pages photographed still in a ring binder as colour JPEG without a resolution, its
phone-app scans under flickering LED light as one-page PDF, its rained-on pages as
greyscale PNG; two-page documents as PDF). AK was blind until round 33, which read its
misses (``--misses``) to fix them by kind and trains on it (``read_families``): from then
on AK is read and no longer a blind measurement.

AL (``corpus_blind_al.py``: a thirty-second blind family, in a thirty-second hand;
measured blind against main's round-32 reader and on rounds 33 and 34): ``--family al`` (AL
only) or ``--family all``, ``--ocr-al N`` scans and reads N of its documents (its photos
through a cheap phone lens with colour fringes as colour JPEG without a resolution, its
pages scribbled on in blue biro as colour PNG, its copies from a scratched copier glass as
greyscale one-page PDF; two-page documents as PDF). AL was blind until round 35, which read
its misses (``--misses``) to fix them by kind and trains on it (``read_families``): from
then on AL is read and no longer a blind measurement.

AN (``corpus_blind_an.py``: a thirty-third blind family, in a thirty-third hand; measured
blind against main's round-36 reader and on round 37): ``--family an`` (AN only) or
``--family all``, ``--ocr-an N`` scans and reads N of its documents (its faxes sent in
standard mode as group 3 TIFF, its laser prints pleated in the fuser as colour PNG, its
photos of a page lying on another sheet as colour JPEG without a resolution; two-page
documents, whose second page is printed sideways, as PDF). AN was blind until round 38,
which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AN is read and no longer a blind measurement.

AO (``corpus_blind_ao.py``: a thirty-fourth blind family, in a thirty-fourth hand;
Northern Ireland's courts, offices and firms; measured blind against main's reader after
AN and on round 37): ``--family ao`` (AO only) or ``--family all``, ``--ocr-ao N`` scans and
reads N of its documents (its pages fed askew through a sheet feeder with a black backing
as greyscale PNG, its dog-eared pages on a flatbed as deflate TIFF, its night-time photos
under a tungsten bulb as colour JPEG without a resolution; two-page documents, the court
papers with their back sheet, as PDF). AO was blind until round 38, which read its misses
(``--misses``) to fix them by kind and trains on it (``read_families``): from then on AO is
read and no longer a blind measurement.

AP (``corpus_blind_ap.py``: a thirty-fifth blind family, in a thirty-fifth hand; the far
west of Cornwall and the Isles of Scilly; measured blind against main's reader after AO and
on round 38): ``--family ap`` (AP only) or ``--family all``, ``--ocr-ap N`` scans
and reads N of its documents (its faxes received over a noisy line, scanlines dropped or
repeated, as one-bit PNG, its pale green pages levelled flat on a flatbed as greyscale LZW
TIFF, its photos by a net-curtained window as colour JPEG without a resolution; all one
page). AP was blind until round 39, which read its misses (``--misses``) to fix them by
kind and trains on it (``read_families``): from then on AP is read and no longer a blind
measurement.

AQ (``corpus_blind_aq.py``: a thirty-sixth blind family, in a thirty-sixth hand; the
London Borough of Lewisham; measured blind against main's reader after AP and on round
38): ``--family aq`` (AQ only) or ``--family all``, ``--ocr-aq N`` scans and reads N of its
documents (its ink-jet prints smeared by a hand before they dried as greyscale PNG, its
photos on a gingham tablecloth as colour progressive JPEG without a resolution, its pages
marked by greasy fingers as one-page greyscale PDF; all one page). AQ was blind until
round 39, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AQ is read and no longer a blind measurement.

AR (``corpus_blind_ar.py``: a thirty-seventh blind family, in a thirty-seventh hand;
Luton; measured blind against main's reader after round 38 and on round 39):
``--family ar`` (AR only) or ``--family all``, ``--ocr-ar N`` scans and reads N of its
documents (its pages scanned with a bulldog clip on the top edge as greyscale PNG, its
pages scorched by an iron as colour JPEG without a resolution, its pages splashed with
bleach as one-page greyscale PDF; all one page). AR was blind until round 40, which read
its misses (``--misses``) to fix them by kind and trains on it (``read_families``): from
then on AR is read and no longer a blind measurement.

AS (``corpus_blind_as.py``: a thirty-eighth blind family, in a thirty-eighth hand; the
Scottish Borders under Scots law; measured blind against main's reader after round 38 and
on round 39): ``--family as`` (AS only) or ``--family all``, ``--ocr-as N`` scans and
reads N of its documents (its pages scorched by an iron as colour PNG, its phone photos with
colour fringing as colour baseline JPEG without a resolution, its pages under a clear ruler
as one-page greyscale PDF; all one page). AS was blind until round 40, which read its
misses (``--misses``) to fix them by kind and trains on it (``read_families``): from then
on AS is read and no longer a blind measurement.

AT (``corpus_blind_at.py``: a thirty-ninth blind family, in a thirty-ninth hand; the
Metropolitan Borough of Rochdale; measured blind against main's reader after round 39 and on
round 40): ``--family at`` (AT only) or ``--family all``, ``--ocr-at N`` scans and
reads N of its documents (its pages half through a strip-cut shredder as greyscale PNG, its
overhead-projector transparencies scanned lid up as colour JPEG without a resolution, its
pages with candle-wax drips as one-page greyscale PDF; all one page). AT was blind until round 41,
which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AT is read and no longer a blind measurement.

AU (``corpus_blind_au.py``: a fortieth blind family, in a fortieth hand; Portsmouth under
the law of England and Wales; measured blind against main's reader after round 39 and on
round 40): ``--family au`` (AU only) or ``--family all``, ``--ocr-au N`` scans
and reads N of its documents (its pages with a rubber band lying on the scanner glass as
colour PNG, its phone photos in sunlight crossed by a window's glazing-bar shadows as colour
baseline JPEG without a resolution, its pages with handwriting pressed into them under the
scanner's raking light as one-page greyscale PDF; all one page). AU was blind until round
41, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AU is read and no longer a blind measurement.

AV (``corpus_blind_av.py``: a forty-first blind family, in a forty-first hand; Torbay
under the law of England and Wales; measured blind against main's reader after round 40 and
on round 41): ``--family av`` (AV only) or ``--family all``, ``--ocr-av N`` scans
and reads N of its documents (its phone photos with the sun in the lens as colour PNG, its
photos on a beach with a pebble holding the page down as colour baseline JPEG without a
resolution, its pages taped to a wall with masking tape at the corners as one-page
greyscale PDF; all one page). AV was blind until round 42, which read its misses
(``--misses``) to fix them by kind and trains on it (``read_families``): from then on AV is
read and no longer a blind measurement.

AW (``corpus_blind_aw.py``: a forty-second blind family, in a forty-second hand; Coventry
under the law of England and Wales; measured blind against main's reader after round 40 and
on round 41): ``--family aw`` (AW only) or ``--family all``, ``--ocr-aw N`` scans
and reads N of its documents (its pages spotted with black mould from a damp home as colour
JPEG with its resolution, its pages scribbled on in crayon as colour PNG, its pages with
grease spots as one-page greyscale PDF; all one page). AW was blind until round 42, which
read its misses (``--misses``) to fix them by kind and trains on it (``read_families``):
from then on AW is read and no longer a blind measurement.

AX (``corpus_blind_ax.py``: a forty-third blind family, in a forty-third hand; Oldham
under the law of England and Wales; measured blind against main's reader after round 41 and
on round 42): ``--family ax`` (AX only) or ``--family all``, ``--ocr-ax N`` scans
and reads N of its documents (its pages scanned with the lid up under strip lights as colour
PNG, its pages with a paper clip left on as greyscale baseline JPEG without a resolution,
its pages with correction fluid on a line as one-page greyscale PDF; all one page). AX was
blind until round 43, which read its misses (``--misses``) to fix them by kind and trains on
it (``read_families``): from then on AX is read and no longer a blind measurement.

AY (``corpus_blind_ay.py``: a forty-fourth blind family, in a forty-fourth hand; Hastings
under the law of England and Wales; measured blind against main's reader after round 41 and
on round 42): ``--family ay`` (AY only) or ``--family all``, ``--ocr-ay N`` scans
and reads N of its documents (its pages dusted with flour from the baking board as colour
PNG, its phone photos with lily pollen smudged across them as colour baseline JPEG without a
resolution, its pages crossed by a snail's trail as one-page greyscale PDF; all one page).
AY was blind until round 43, which read its misses (``--misses``) to fix them by kind and
trains on it (``read_families``): from then on AY is read and no longer a blind
measurement.

AZ (``corpus_blind_az.py``: a forty-fifth blind family, in a forty-fifth hand;
Walsall under the law of England and Wales; its six settings from a school; measured
blind against main's reader after round 42): ``--family az`` (AZ only) or
``--family all``, ``--ocr-az N`` scans and reads N of its documents (its pages sprinkled
with glitter from the craft table as colour JPEG with its resolution, its pages with pencil
shavings and graphite dust as colour PNG, its resolution at even indexes, its pages
smeared with a glue stick as one-page greyscale PDF; all one page). AZ was blind until
round 44, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on AZ is read and no longer a blind measurement.

BA (``corpus_blind_ba.py``: a blind family in a new hand; Basildon under the law of
England and Wales; its settings from a theatre, a concert hall and a cinema; measured
blind against main's reader after round 42): ``--family ba`` (BA only) or
``--family all``, ``--ocr-ba N`` scans and reads N of its documents (its phone photos under
a stage lighting wash as colour JPEG, its resolution at even indexes, its pages with
confetti from a show's finale as colour PNG with its resolution, its pages spattered with
red wine as one-page greyscale PDF; all one page). BA was blind until round 44, which read
its misses (``--misses``) to fix them by kind and trains on it (``read_families``): from
then on BA is read and no longer a blind measurement.

BB (``corpus_blind_bb.py``: a blind family in a new hand; Solihull under the law of
England and Wales; its six settings from a hospital and a health centre; measured blind
against main's reader after rounds 43 and 44): ``--family bb`` (BB only) or
``--family all``, ``--ocr-bb N`` scans and reads N of its documents (its pages splashed with
iodine as colour JPEG with its resolution, its pages with strips of surgical paper tape as
colour PNG, its resolution at even indexes, its pages marked by dried hand-sanitiser gel as
one-page greyscale PDF; all one page). BB was blind until round 45, which read its misses
(``--misses``) to fix them by kind and trains on it (``read_families``): from then on BB is
read and no longer a blind measurement.

BC (``corpus_blind_bc.py``: a blind family in a new hand; Eastbourne under the law of
England and Wales; its six settings from a swimming pool and a leisure centre; measured
blind against main's reader after rounds 44 and 45): ``--family bc`` (BC only) or
``--family all``, ``--ocr-bc N`` scans and reads N of its documents (its pages with
chlorine-bleached blotches as colour JPEG with its resolution, its pages with wet footprints
as colour PNG, its resolution at even indexes, its pages misted by pool-hall condensation as
one-page greyscale PDF; all one page). BC was blind until round 46, which read its misses
(``--misses``) to fix them by kind and trains on it (``read_families``): from then on BC is
read and no longer a blind measurement.

BD (``corpus_blind_bd.py``: a blind family in a new hand; Basingstoke under the law
of England and Wales; its six settings from a post office and a parcel depot; measured
blind against main's reader after rounds 44 and 45): ``--family bd`` (BD only) or
``--family all``, ``--ocr-bd N`` scans and reads N of its documents (its pages under a sheet
of bubble wrap as colour JPEG with its resolution, its pages crossed by a sack truck's muddy
tyre tracks as colour PNG, its resolution at even indexes, its pages sprayed with a sorting
machine's fluorescent bar code as one-page greyscale PDF; all one page). BD was blind until
round 47, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on BD is read and no longer a blind measurement.

BE (``corpus_blind_be.py``: a blind family in a new hand; Woking, Surrey, under the
law of England and Wales; its six settings from a hotel and a guest house; measured blind
against main's reader after round 45): ``--family be`` (BE only) or
``--family all``, ``--ocr-be N`` scans and reads N of its documents (its pages smeared with
marmalade as colour JPEG with its resolution, its pages with shoe-polish finger prints as
colour PNG, its resolution at even indexes, its pages under housekeeping lint as one-page
greyscale PDF; its two-page letters as greyscale PDF). BE was blind until round 50, which
read its misses (``--misses``) to fix them by kind and trains on it (``read_families``):
from then on BE is read and no longer a blind measurement.

BF (``corpus_blind_bf.py``: a blind family in a new hand; Rotherham, South Yorkshire,
under the law of England and Wales; its six settings from a car repair workshop and an MOT
test centre; measured blind against main's reader after round 45): ``--family bf`` (BF
only) or ``--family all``, ``--ocr-bf N`` scans and reads N of its documents (its pages
with engine coolant run down them as colour JPEG with its resolution, its pages pitted by
an angle grinder's sparks as colour PNG, its resolution at even indexes, its pages sooted
by an exhaust as one-page greyscale PDF; its two-page documents, the money claim and some
statutory demands and mortgage letters, as PDF). BF was blind
until round 49, which read its misses (``--misses``) to fix them by kind and trains on it
(``read_families``): from then on BF is read and no longer a blind measurement.

BG (``corpus_blind_bg.py``: a blind family in a new hand; Slough, Berkshire, under
the law of England and Wales; its six settings from a fire station; measured blind against
main's reader after round 45): ``--family bg`` (BG only) or ``--family all``,
``--ocr-bg N`` scans and reads N of its documents (its pages marked by firefighting foam as
colour JPEG with its resolution, its pages with a charred corner as colour PNG, its
resolution at even indexes, its pages with ember holes as one-page greyscale PDF; two-page
letters as PDF). BG was blind until round 48, which read its misses (``--misses``) to fix
them by kind and trains on it (``read_families``): from then on BG is read and no longer a
blind measurement.

Held-out BH (``corpus_blind_bh.py``: a blind family in a new hand; Chichester, West Sussex,
under the law of England and Wales; its six settings from a campsite and caravan park;
measured against main's reader after round 45 and never shown to it): ``--family bh`` (BH
only) or ``--family all``, ``--ocr-bh N`` scans and reads N of its documents (its pages
smudged with charcoal from a campfire grill as colour JPEG with its resolution, its pages
with pine resin and needles as colour PNG, its resolution at even indexes, its pages with
water off a wet flysheet as one-page greyscale PDF; its two-page letters, a third of them,
as greyscale PDF). BH's misses are never printed.

Held-out BI (``corpus_blind_bi.py``: a blind family in a new hand; Redditch, Worcestershire,
under the law of England and Wales; its six settings from a laundrette and dry cleaner's;
measured against main's reader after round 48 and never shown to it): ``--family bi`` (BI
only) or ``--family all``, ``--ocr-bi N`` scans and reads N of its documents (its pages
strewn with washing powder granules as colour JPEG with its resolution, its pages with
dryer lint as greyscale PNG, its resolution at odd indexes, its pages with a fabric
conditioner spill as one-page colour PDF; its two-page letters as PDF). BI's misses are
never printed.

Held-out BJ (``corpus_blind_bj.py``: a blind family in a new hand; Harlow, Essex, under the
law of England and Wales; its six settings from a veterinary practice; measured against
main's reader after round 48 and never shown to it): ``--family bj`` (BJ only) or
``--family all``, ``--ocr-bj N`` scans and reads N of its documents (its pages smeared by a
wet nose on the glass as colour JPEG with its resolution, its pages with an edge chewed by
a puppy as colour PNG, its resolution at odd indexes, its pages under a cat's tail lying
across the glass as one-page greyscale PDF; two-page letters as greyscale PDF). BJ's
misses are never printed.

Held-out BK (``corpus_blind_bk.py``: a blind family in a new hand; Bracknell, Berkshire,
under the law of England and Wales; its six settings from a bakery and its market stall;
measured against main's reader after round 51 and never shown to it): ``--family bk`` (BK
only) or ``--family all``, ``--ocr-bk N`` scans and reads N of its documents (its pages
smeared with raspberry jam as colour JPEG with its resolution, its pages strewn with crumbs
and sesame seeds as greyscale PNG, its resolution at even indexes, its pages half under a
sheet of baking parchment as one-page greyscale PDF; two-page letters as greyscale PDF).
BK's misses are never printed.

``--skip``: with a comma, a list of exact keys (``--skip y,i,ah,bh,bi,bj,bk``
leaves out exactly those families and no other: the working run of every seen family since
round 50, which read BE after round 49 read BF); without one, the old substring
form (``--skip yijabacad``: every key that is a substring of it). "e" is a substring of
"ae", "f" of "af", "g" of "ag", "h" of "ah" (and there is a family H), "i" of "ai" (and
there is a family I) and "j" of "aj" (and there is a family J, read since round 28), so a
skip naming AE, AF, AG, AH, AI or AJ must use the comma form, or it leaves out E, F, G, H,
I or J too (the comma form names I only where it is meant: ``i`` is in the blind set; ``j``
is not). No printed family's key is a substring of "ak" (H and K are never skipped), so
either form leaves out AK alone; nor of "al" (family L is read by ``--ocr-l``, not among
the printed keys), so either form leaves out AL alone. "n" is a substring of "an" (and
there is a family N), so a skip naming AN must use the comma form, or it leaves out N too;
likewise "o" is a substring of "ao" (and there is a family O): a skip naming AO must use the
comma form, or it leaves out O too; "p" is a substring of "ap" (and there is a family P):
a skip naming AP must use the comma form, or it leaves out P too; "q" is a substring of
"aq" (and there is a family Q): a skip naming AQ must use the comma form, or it leaves out Q
too; "r" is a substring of "ar" and "s" of "as" (and there are families R and S): a skip
naming AR or AS must use the comma form, or it leaves out R or S too; "t" is a substring of
"at" (and there is a family T): a skip naming AT must use the comma form, or it leaves out
T too; "u" is a substring of "au" (and there is a family U): a skip naming AU must use
the comma form, or it leaves out U too; and "v" is a substring of "av" and "w" of "aw"
(and there are families V and W): a skip naming AV or AW must use the comma form, or it
leaves out V or W too; "x" is a substring of "ax" (and there is a family X), and "y" of
"ay" (and there is a family Y): a skip naming AX or AY must use the comma form
(``--skip y,i,ah,ax,ay``), or it leaves out X or Y too; a skip naming Y without a
comma leaves out AY too; "z" is a substring of "az" (and there is a family Z, read):
a skip naming AZ must use the comma form, or it leaves out Z too, and a skip naming Z
without a comma leaves out AZ too. No key is a substring of "ba", so either form names BA
alone; but "ba" is a substring of an old substring-form skip such as ``yijabacad``. No key
is a substring of "bb", nor "bb" of any key, so either form names BB alone. No key is a
substring of "bc" (there is no printed family "b" or "c"), nor "bc" of any key, so either
form names BC alone. No key is a
substring of "bd" (there is no key "b" nor "d"), nor "bd" of any key, so either form names BD
alone. "e" is a substring of "be" (and there is a family E, read): a skip naming BE must use
the comma form, or it leaves out E too; "be" is a substring of no key. "f" is a substring of
"bf" (and there is a family F, read): a skip naming BF must use the comma form (``--skip
y,i,ah,bf``), or it leaves out F too; "bf" is a substring of no key. "g" is a
substring of "bg" (and there is a family G, read): a skip naming BG must use the comma form
(``--skip y,i,ah,bg``), or it leaves out G too; "bg" is a substring of no
key. No key is a substring of "bh" (there is no printed family "b" nor "h"), nor "bh" of
any key, so either form names BH alone. "i" is a substring of "bi" (and there is a family
I, blind): a skip naming BI must use the comma form (``--skip y,i,ah,be,bf,bh,bi``), or it
leaves out I too; "bi" is a substring of no key.
"j" is a substring of "bj" (and there is a family
J, read since round 28): a skip naming BJ must use the comma form (``--skip
y,i,ah,be,bf,bh,bj``), or it leaves out J too; "bj" is a substring of no key. No printed
family's key is a substring of "bk" (there is no printed key "b", and K is a base family,
never a printed key), nor "bk" of any key, so either form names BK alone; the blind skip
keeps the comma form all the same (``--skip y,i,ah,bh,bi,bj,bk``).

``--family read``: A-O only (the families read before round 10; P, Q, R and S have
``--family p|q|r|s``). ``--ranker alone|blended``
trains the learned field ranker (``ranker_training``: on A-D, H, K and the read families
L-X, G, Z, F, E, AA, AC, AE, AB, J, AI, AF, AD, AJ, AK, AG, AL, AN, AO, AP, AQ, AR, AS,
AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BG, BF and BE with their own seeds, not the
benchmark's; never Y, I, AH, BH, BI, BJ or BK) and
reads every
family on perfect text twice, by the rules and with the ranker, each table with its read time per
document (the same run); the OCR runs use the ranker too. ``--ranker blended,alone``: the
first as above, the others' tables too, read from the same pages (for OCR: the same scans,
also read by the rules alone).

Run: ``.venv/bin/python benchmarks/intake_accuracy.py [--per-family 4] [--misses]
[--ocr-l 19]
[--family
all|read|m|n|o|p|q|r|s|t|u|v|w|x|y|z|g|e|f|i|j|aa|ab|ac|ad|ae|af|ag|ah|ai|aj|ak|al|an|ao|ap|aq|ar|as|at|au|av|aw|ax|ay|az|ba|bb|bc|bd|be|bf|bg|bh|bi|bj|bk]
[--ocr-m 19]
[--ocr-n 19]
[--ocr-o 19] [--ocr-p 19] [--ocr-q 19] [--ocr-r 19] [--ocr-s 19] [--ocr-t 19] [--ocr-u 19]
[--ocr-v 19] [--ocr-w 19] [--ocr-x 19] [--ocr-y 19] [--ocr-z 19] [--ocr-g 19] [--ocr-e 19]
[--ocr-f 19] [--ocr-i 19] [--ocr-j 19] [--ocr-aa 19] [--ocr-ab 19] [--ocr-ac 19]
[--ocr-ad 19] [--ocr-ae 19] [--ocr-af 19] [--ocr-ag 19] [--ocr-ah 19] [--ocr-ai 19]
[--ocr-aj 19] [--ocr-ak 19] [--ocr-al 19] [--ocr-an 19] [--ocr-ao 19] [--ocr-ap 19]
[--ocr-aq 19] [--ocr-ar 19] [--ocr-as 19] [--ocr-at 19] [--ocr-au 19] [--ocr-av 19] [--ocr-aw 19]
[--ocr-ax 19] [--ocr-ay 19] [--ocr-az 19] [--ocr-ba 19] [--ocr-bb 19] [--ocr-bc 19]
[--ocr-bd 19] [--ocr-be 19] [--ocr-bf 19] [--ocr-bg 19] [--ocr-bh 19] [--ocr-bi 19]
[--ocr-bj 19] [--ocr-bk 19]
[--skip KEYS | --skip k1,k2,...]
[--ranker alone|blended]``
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import extract as extract_by_rules
from cma_adapters.rules_assistant.corpus import (
    Sample,
    Score,
    build_corpus,
    sample_pages,
    sample_text,
    score,
)
from cma_adapters.rules_assistant.corpus_blind import (
    BlindSample,
    blind_pages,
    blind_scanned,
    build_blind,
    values_in_text,
)
from cma_adapters.rules_assistant.corpus_blind_aa import aa_pages, aa_scanned, aa_text, build_aa
from cma_adapters.rules_assistant.corpus_blind_aa import values_in_text as aa_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ab import ab_pages, ab_scanned, ab_text, build_ab
from cma_adapters.rules_assistant.corpus_blind_ab import values_in_text as ab_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ac import ac_pages, ac_scanned, ac_text, build_ac
from cma_adapters.rules_assistant.corpus_blind_ac import values_in_text as ac_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ad import ad_pages, ad_scanned, ad_text, build_ad
from cma_adapters.rules_assistant.corpus_blind_ad import values_in_text as ad_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ae import ae_pages, ae_scanned, ae_text, build_ae
from cma_adapters.rules_assistant.corpus_blind_ae import values_in_text as ae_values_in_text
from cma_adapters.rules_assistant.corpus_blind_af import af_pages, af_scanned, af_text, build_af
from cma_adapters.rules_assistant.corpus_blind_af import values_in_text as af_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ag import ag_pages, ag_scanned, ag_text, build_ag
from cma_adapters.rules_assistant.corpus_blind_ag import values_in_text as ag_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ah import ah_pages, ah_scanned, ah_text, build_ah
from cma_adapters.rules_assistant.corpus_blind_ah import values_in_text as ah_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ai import ai_pages, ai_scanned, ai_text, build_ai
from cma_adapters.rules_assistant.corpus_blind_ai import values_in_text as ai_values_in_text
from cma_adapters.rules_assistant.corpus_blind_aj import aj_pages, aj_scanned, aj_text, build_aj
from cma_adapters.rules_assistant.corpus_blind_aj import values_in_text as aj_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ak import ak_pages, ak_scanned, ak_text, build_ak
from cma_adapters.rules_assistant.corpus_blind_ak import values_in_text as ak_values_in_text
from cma_adapters.rules_assistant.corpus_blind_al import al_pages, al_scanned, al_text, build_al
from cma_adapters.rules_assistant.corpus_blind_al import values_in_text as al_values_in_text
from cma_adapters.rules_assistant.corpus_blind_an import an_pages, an_scanned, an_text, build_an
from cma_adapters.rules_assistant.corpus_blind_an import values_in_text as an_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ao import ao_pages, ao_scanned, ao_text, build_ao
from cma_adapters.rules_assistant.corpus_blind_ao import values_in_text as ao_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ap import ap_pages, ap_scanned, ap_text, build_ap
from cma_adapters.rules_assistant.corpus_blind_ap import values_in_text as ap_values_in_text
from cma_adapters.rules_assistant.corpus_blind_aq import aq_pages, aq_scanned, aq_text, build_aq
from cma_adapters.rules_assistant.corpus_blind_aq import values_in_text as aq_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ar import ar_pages, ar_scanned, ar_text, build_ar
from cma_adapters.rules_assistant.corpus_blind_ar import values_in_text as ar_values_in_text
from cma_adapters.rules_assistant.corpus_blind_as import as_pages, as_scanned, as_text, build_as
from cma_adapters.rules_assistant.corpus_blind_as import values_in_text as as_values_in_text
from cma_adapters.rules_assistant.corpus_blind_at import at_pages, at_scanned, at_text, build_at
from cma_adapters.rules_assistant.corpus_blind_at import values_in_text as at_values_in_text
from cma_adapters.rules_assistant.corpus_blind_au import au_pages, au_scanned, au_text, build_au
from cma_adapters.rules_assistant.corpus_blind_au import values_in_text as au_values_in_text
from cma_adapters.rules_assistant.corpus_blind_av import av_pages, av_scanned, av_text, build_av
from cma_adapters.rules_assistant.corpus_blind_av import values_in_text as av_values_in_text
from cma_adapters.rules_assistant.corpus_blind_aw import aw_pages, aw_scanned, aw_text, build_aw
from cma_adapters.rules_assistant.corpus_blind_aw import values_in_text as aw_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ax import ax_pages, ax_scanned, ax_text, build_ax
from cma_adapters.rules_assistant.corpus_blind_ax import values_in_text as ax_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ay import ay_pages, ay_scanned, ay_text, build_ay
from cma_adapters.rules_assistant.corpus_blind_ay import values_in_text as ay_values_in_text
from cma_adapters.rules_assistant.corpus_blind_az import az_pages, az_scanned, az_text, build_az
from cma_adapters.rules_assistant.corpus_blind_az import values_in_text as az_values_in_text
from cma_adapters.rules_assistant.corpus_blind_ba import ba_pages, ba_scanned, ba_text, build_ba
from cma_adapters.rules_assistant.corpus_blind_ba import values_in_text as ba_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bb import bb_pages, bb_scanned, bb_text, build_bb
from cma_adapters.rules_assistant.corpus_blind_bb import values_in_text as bb_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bc import bc_pages, bc_scanned, bc_text, build_bc
from cma_adapters.rules_assistant.corpus_blind_bc import values_in_text as bc_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bd import bd_pages, bd_scanned, bd_text, build_bd
from cma_adapters.rules_assistant.corpus_blind_bd import values_in_text as bd_values_in_text
from cma_adapters.rules_assistant.corpus_blind_be import be_pages, be_scanned, be_text, build_be
from cma_adapters.rules_assistant.corpus_blind_be import values_in_text as be_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bf import bf_pages, bf_scanned, bf_text, build_bf
from cma_adapters.rules_assistant.corpus_blind_bf import values_in_text as bf_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bg import bg_pages, bg_scanned, bg_text, build_bg
from cma_adapters.rules_assistant.corpus_blind_bg import values_in_text as bg_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bh import bh_pages, bh_scanned, bh_text, build_bh
from cma_adapters.rules_assistant.corpus_blind_bh import values_in_text as bh_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bi import bi_pages, bi_scanned, bi_text, build_bi
from cma_adapters.rules_assistant.corpus_blind_bi import values_in_text as bi_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bj import bj_pages, bj_scanned, bj_text, build_bj
from cma_adapters.rules_assistant.corpus_blind_bj import values_in_text as bj_values_in_text
from cma_adapters.rules_assistant.corpus_blind_bk import bk_pages, bk_scanned, bk_text, build_bk
from cma_adapters.rules_assistant.corpus_blind_bk import values_in_text as bk_values_in_text
from cma_adapters.rules_assistant.corpus_blind_e import build_e, e_pages, e_scanned, e_text
from cma_adapters.rules_assistant.corpus_blind_e import values_in_text as e_values_in_text
from cma_adapters.rules_assistant.corpus_blind_f import build_f, f_pages, f_scanned, f_text
from cma_adapters.rules_assistant.corpus_blind_f import values_in_text as f_values_in_text
from cma_adapters.rules_assistant.corpus_blind_g import build_g, g_pages, g_scanned, g_text
from cma_adapters.rules_assistant.corpus_blind_g import values_in_text as g_values_in_text
from cma_adapters.rules_assistant.corpus_blind_i import build_i, i_pages, i_scanned, i_text
from cma_adapters.rules_assistant.corpus_blind_i import values_in_text as i_values_in_text
from cma_adapters.rules_assistant.corpus_blind_j import build_j, j_pages, j_scanned, j_text
from cma_adapters.rules_assistant.corpus_blind_j import values_in_text as j_values_in_text
from cma_adapters.rules_assistant.corpus_blind_m import build_m, m_pages, m_scanned, m_text
from cma_adapters.rules_assistant.corpus_blind_m import values_in_text as m_values_in_text
from cma_adapters.rules_assistant.corpus_blind_n import build_n, n_pages, n_scanned, n_text
from cma_adapters.rules_assistant.corpus_blind_n import values_in_text as n_values_in_text
from cma_adapters.rules_assistant.corpus_blind_o import build_o, o_pages, o_scanned, o_text
from cma_adapters.rules_assistant.corpus_blind_o import values_in_text as o_values_in_text
from cma_adapters.rules_assistant.corpus_blind_p import build_p, p_pages, p_scanned, p_text
from cma_adapters.rules_assistant.corpus_blind_p import values_in_text as p_values_in_text
from cma_adapters.rules_assistant.corpus_blind_q import build_q, q_pages, q_scanned, q_text
from cma_adapters.rules_assistant.corpus_blind_q import values_in_text as q_values_in_text
from cma_adapters.rules_assistant.corpus_blind_r import build_r, r_pages, r_scanned, r_text
from cma_adapters.rules_assistant.corpus_blind_r import values_in_text as r_values_in_text
from cma_adapters.rules_assistant.corpus_blind_s import build_s, s_pages, s_scanned, s_text
from cma_adapters.rules_assistant.corpus_blind_s import values_in_text as s_values_in_text
from cma_adapters.rules_assistant.corpus_blind_t import build_t, t_pages, t_scanned, t_text
from cma_adapters.rules_assistant.corpus_blind_t import values_in_text as t_values_in_text
from cma_adapters.rules_assistant.corpus_blind_u import build_u, u_pages, u_scanned, u_text
from cma_adapters.rules_assistant.corpus_blind_u import values_in_text as u_values_in_text
from cma_adapters.rules_assistant.corpus_blind_v import build_v, v_pages, v_scanned, v_text
from cma_adapters.rules_assistant.corpus_blind_v import values_in_text as v_values_in_text
from cma_adapters.rules_assistant.corpus_blind_w import build_w, w_pages, w_scanned, w_text
from cma_adapters.rules_assistant.corpus_blind_w import values_in_text as w_values_in_text
from cma_adapters.rules_assistant.corpus_blind_x import build_x, x_pages, x_scanned, x_text
from cma_adapters.rules_assistant.corpus_blind_x import values_in_text as x_values_in_text
from cma_adapters.rules_assistant.corpus_blind_y import build_y, y_pages, y_scanned, y_text
from cma_adapters.rules_assistant.corpus_blind_y import values_in_text as y_values_in_text
from cma_adapters.rules_assistant.corpus_blind_z import build_z, z_pages, z_scanned, z_text
from cma_adapters.rules_assistant.corpus_blind_z import values_in_text as z_values_in_text
from cma_core.documents.rules import CHECK_TYPE_BELOW

# The learned field ranker, when ``--ranker`` asks for one (else the rules alone).
RANKER: list[ranker.Model | None] = [None]
# More rankers (``--ranker blended,alone``: every one after the first), whose tables are
# printed beside the first's, read from the same pages (perfect text and OCR).
ALSO: list[ranker.Model] = []


def extract(text: str, pages: Any, model: classifier.Model | None) -> Any:
    return extract_by_rules(text, pages, model, fields_model=RANKER[0])


def assistant() -> Any:
    from cma_adapters.rules_assistant import RuleBasedAssistant

    reader = RuleBasedAssistant()
    reader.field_ranker = RANKER[0]
    return reader


def _by(model: ranker.Model | str | None = "first") -> str:
    """How a table's fields were chosen: ``""`` by the rules (as before ``--ranker``)."""
    chosen = RANKER[0] if model == "first" else model
    if not isinstance(chosen, ranker.Model):
        return ""
    return f", ranker {'blended' if chosen.uses_rules else 'alone'}"


def also(title: str, read: Sequence[tuple[Any, str, Any]]) -> None:
    """``read`` (sample, text, pages) read again by the rules alone and by every ranker
    in ``ALSO``: their tables, each with its read time."""
    if RANKER[0] is None:
        return
    model = classifier.shipped()
    for other in (None, *ALSO):
        started = time.perf_counter()
        got = [(s, extract_by_rules(t, p, model, fields_model=other)) for s, t, p in read]
        took = (time.perf_counter() - started) / len(read) * 1000
        print(score(got).table(f"{title}{_by(other) or ', rules alone'})"))
        print(f"  read in {took:.0f} ms a document")


def rules_alone(samples: Sequence[Any], text: Any, pages: Any, model: Any) -> Score:
    """The samples read by the rules alone, timed (printed) for comparison."""
    started = time.perf_counter()
    result = score([(s, extract_by_rules(text(s), pages(s), model)) for s in samples])
    took = time.perf_counter() - started
    print(f"  rules alone: read in {took:.1f} s ({took / len(samples) * 1000:.0f} ms a document)")
    return result


def reliability(
    model: classifier.Model | None,
    samples: Sequence[Sample],
    text: Callable[[Sample], str] = sample_text,
) -> str:
    """Errors caught and correct documents flagged by each confidence threshold."""
    if model is None:
        return ""
    got = []
    for s in samples:
        cls, confidence, _ = model.predict(text(s))
        got.append((cls is s.truth.document_class, confidence))
    wrong = sum(not ok for ok, _ in got)
    lines = [f"  calibration: {wrong} of {len(got)} classified wrong"]
    for threshold in (0.5, CHECK_TYPE_BELOW, 0.8, 0.9):
        caught = sum(not ok and c < threshold for ok, c in got)
        flagged = sum(ok and c < threshold for ok, c in got)
        lines.append(
            f"  below {threshold:.2f}: {caught}/{wrong} errors caught, "
            f"{flagged}/{len(got) - wrong} correct flagged"
        )
    return "\n".join(lines)


def report(result: Score, title: str, samples: list[Sample], misses: bool) -> None:
    print(result.table(title))
    for expected, got in sorted(result.confusion.items()):
        wrong = {k: v for k, v in got.items() if k != expected}
        if wrong:
            print(f"  confused: {expected} -> {wrong}")
    print(reliability(classifier.shipped(), samples))
    if misses:
        for miss in result.misses:
            print("  miss:", miss)
    print()


def family_l(per_family: int, misses: bool) -> None:
    """Held-out L on perfect text: the words' exact boxes in L's own faces and page sizes."""
    model = classifier.shipped()
    samples = build_blind(per_family)
    if RANKER[0] is not None:
        by_rules = rules_alone(samples, sample_text, blind_pages, model)
        print(by_rules.table(f"L ({len(samples)} documents, perfect text, rules)"))
    started = time.perf_counter()
    result = score([(s, extract(sample_text(s), blind_pages(s), model)) for s in samples])
    took = (time.perf_counter() - started) / len(samples) * 1000
    print(f"  read in {took:.0f} ms a document")
    report(result, f"held-out L, written blind ({len(samples)} documents, perfect text{_by()})",
           list(samples), misses)  # fmt: skip


def family_l_ocr(count: int, misses: bool) -> None:
    """``count`` documents of L printed and scanned (150-300 dpi, PNG/JPEG/PDF), read by
    Tesseract and the rule-based assistant."""
    from cma_adapters.tesseract import TesseractTextExtractor
    from cma_core.documents.files import ContentType

    types = {"png": ContentType.PNG, "jpeg": ContentType.JPEG, "pdf": ContentType.PDF}
    every = build_blind(max(1, -(-count // 19)))
    per = len(every) // 19
    chosen: list[BlindSample] = [every[c * per + r] for r in range(per) for c in range(19)][:count]

    async def read_all() -> list[tuple[Sample, object]]:
        extractor, reader = TesseractTextExtractor(), assistant()
        out: list[tuple[Sample, object]] = []
        for index, sample in enumerate(chosen):
            data, fmt, _ = blind_scanned(sample, index)
            pages = await extractor.extract(data, types[fmt])
            text = "\f".join(p.text for p in pages)
            found = values_in_text(sample.truth, text)
            verbatim[0] += found[0]
            verbatim[1] += found[1]
            out.append((sample, await reader.classify_and_extract(text, pages)))
        return out

    verbatim = [0, 0]
    result = score(asyncio.run(read_all()))  # type: ignore[arg-type]
    print(f"true values found verbatim in the OCR text: {verbatim[0]} of {verbatim[1]}")
    report(
        result, f"held-out L, written blind ({len(chosen)} documents, OCR)", list(chosen), misses
    )


def confusion(result: Score) -> None:
    """The classifier's whole confusion matrix, one row a class: how many of its documents
    were read as that class, and as what the others were read."""
    print("  confusion (expected: correct/total, then what the rest were read as)")
    for expected, row in sorted(result.confusion.items()):
        total = sum(row.values())
        wrong = ", ".join(f"{n} as {got}" for got, n in sorted(row.items()) if got != expected)
        print(
            f"    {expected:<26}{row.get(expected, 0)}/{total}" + (f"  ({wrong})" if wrong else "")
        )


@dataclass(frozen=True)
class Family:
    """A family with its own page model (M, N): how to build, lay out and scan it."""

    title: str  # as the tables name it
    build: Callable[[int], Sequence[Any]]
    text: Callable[[Any], str]
    pages: Callable[[Any], Any]
    scanned: Callable[[Any, int], tuple[bytes, str, Any]]
    values_in_text: Callable[[Any, str], tuple[int, int]]
    blind: bool  # a blind family's misses are never printed, ``--misses`` or not


M = Family("M, read since round 6", build_m, m_text, m_pages, m_scanned, m_values_in_text, False)
N = Family("N, read since round 7", build_n, n_text, n_pages, n_scanned, n_values_in_text, False)
FAMILY_O = Family(
    "O, read since round 8", build_o, o_text, o_pages, o_scanned, o_values_in_text, False
)
FAMILY_P = Family(
    "P, read since round 10", build_p, p_text, p_pages, p_scanned, p_values_in_text, False
)
FAMILY_Q = Family(
    "Q, read since round 10", build_q, q_text, q_pages, q_scanned, q_values_in_text, False
)
FAMILY_R = Family(
    "R, read since round 10", build_r, r_text, r_pages, r_scanned, r_values_in_text, False
)
FAMILY_S = Family(
    "S, read since round 11", build_s, s_text, s_pages, s_scanned, s_values_in_text, False
)
FAMILY_T = Family(
    "T, read since round 12", build_t, t_text, t_pages, t_scanned, t_values_in_text, False
)
FAMILY_U = Family(
    "U, read since round 13", build_u, u_text, u_pages, u_scanned, u_values_in_text, False
)
FAMILY_V = Family(
    "V, read since round 14", build_v, v_text, v_pages, v_scanned, v_values_in_text, False
)
FAMILY_W = Family(
    "W, read since round 15", build_w, w_text, w_pages, w_scanned, w_values_in_text, False
)
FAMILY_X = Family(
    "X, read since round 16", build_x, x_text, x_pages, x_scanned, x_values_in_text, False
)
FAMILY_Y = Family(
    "held-out Y, written blind", build_y, y_text, y_pages, y_scanned, y_values_in_text, True
)
FAMILY_Z = Family(
    "Z, read since round 18", build_z, z_text, z_pages, z_scanned, z_values_in_text, False
)
FAMILY_G = Family(
    "G, read since round 17", build_g, g_text, g_pages, g_scanned, g_values_in_text, False
)
FAMILY_E = Family(
    "E, read since round 20", build_e, e_text, e_pages, e_scanned, e_values_in_text, False
)
FAMILY_F = Family(
    "F, read since round 19", build_f, f_text, f_pages, f_scanned, f_values_in_text, False
)
FAMILY_I = Family(
    "held-out I, written blind", build_i, i_text, i_pages, i_scanned, i_values_in_text, True
)
FAMILY_J = Family(
    "J, read since round 28", build_j, j_text, j_pages, j_scanned, j_values_in_text, False
)
FAMILY_AA = Family(
    "AA, read since round 21", build_aa, aa_text, aa_pages, aa_scanned, aa_values_in_text, False
)
FAMILY_AB = Family(
    "AB, read since round 27", build_ab, ab_text, ab_pages, ab_scanned, ab_values_in_text, False
)
FAMILY_AC = Family(
    "AC, read since round 25", build_ac, ac_text, ac_pages, ac_scanned, ac_values_in_text, False
)
FAMILY_AD = Family(
    "AD, read since round 31", build_ad, ad_text, ad_pages, ad_scanned, ad_values_in_text, False
)
FAMILY_AE = Family(
    "AE, read since round 26", build_ae, ae_text, ae_pages, ae_scanned, ae_values_in_text, False
)
FAMILY_AF = Family(
    "AF, read since round 30", build_af, af_text, af_pages, af_scanned, af_values_in_text, False
)
FAMILY_AG = Family(
    "AG, read since round 34", build_ag, ag_text, ag_pages, ag_scanned, ag_values_in_text, False
)
FAMILY_AH = Family(
    "held-out AH, written blind", build_ah, ah_text, ah_pages, ah_scanned, ah_values_in_text, True
)
FAMILY_AI = Family(
    "AI, read since round 29", build_ai, ai_text, ai_pages, ai_scanned, ai_values_in_text, False
)
FAMILY_AJ = Family(
    "AJ, read since round 32", build_aj, aj_text, aj_pages, aj_scanned, aj_values_in_text, False
)
FAMILY_AK = Family(
    "AK, read since round 33", build_ak, ak_text, ak_pages, ak_scanned, ak_values_in_text, False
)
FAMILY_AL = Family(
    "AL, read since round 35", build_al, al_text, al_pages, al_scanned, al_values_in_text, False
)
FAMILY_AN = Family(
    "AN, read since round 38", build_an, an_text, an_pages, an_scanned, an_values_in_text, False
)
FAMILY_AO = Family(
    "AO, read since round 38", build_ao, ao_text, ao_pages, ao_scanned, ao_values_in_text, False
)
FAMILY_AP = Family(
    "AP, read since round 39", build_ap, ap_text, ap_pages, ap_scanned, ap_values_in_text, False
)
FAMILY_AQ = Family(
    "AQ, read since round 39", build_aq, aq_text, aq_pages, aq_scanned, aq_values_in_text, False
)
FAMILY_AR = Family(
    "AR, read since round 40", build_ar, ar_text, ar_pages, ar_scanned, ar_values_in_text, False
)
FAMILY_AS = Family(
    "AS, read since round 40", build_as, as_text, as_pages, as_scanned, as_values_in_text, False
)
FAMILY_AT = Family(
    "AT, read since round 41", build_at, at_text, at_pages, at_scanned, at_values_in_text, False
)
FAMILY_AU = Family(
    "AU, read since round 41", build_au, au_text, au_pages, au_scanned, au_values_in_text, False
)
FAMILY_AV = Family(
    "AV, read since round 42", build_av, av_text, av_pages, av_scanned, av_values_in_text, False
)
FAMILY_AW = Family(
    "AW, read since round 42", build_aw, aw_text, aw_pages, aw_scanned, aw_values_in_text, False
)
FAMILY_AX = Family(
    "AX, read since round 43", build_ax, ax_text, ax_pages, ax_scanned, ax_values_in_text, False
)
FAMILY_AY = Family(
    "AY, read since round 43", build_ay, ay_text, ay_pages, ay_scanned, ay_values_in_text, False
)
FAMILY_AZ = Family(
    "AZ, read since round 44", build_az, az_text, az_pages, az_scanned, az_values_in_text, False
)
FAMILY_BA = Family(
    "BA, read since round 44", build_ba, ba_text, ba_pages, ba_scanned, ba_values_in_text, False
)
FAMILY_BB = Family(
    "BB, read since round 45", build_bb, bb_text, bb_pages, bb_scanned, bb_values_in_text, False
)
FAMILY_BC = Family(
    "BC, read since round 46", build_bc, bc_text, bc_pages, bc_scanned, bc_values_in_text, False
)
FAMILY_BD = Family(
    "BD, read since round 47", build_bd, bd_text, bd_pages, bd_scanned, bd_values_in_text, False
)
FAMILY_BE = Family(
    "BE, read since round 50", build_be, be_text, be_pages, be_scanned, be_values_in_text, False
)
FAMILY_BF = Family(
    "BF, read since round 49", build_bf, bf_text, bf_pages, bf_scanned, bf_values_in_text, False
)
FAMILY_BG = Family(
    "BG, read since round 48", build_bg, bg_text, bg_pages, bg_scanned, bg_values_in_text, False
)
FAMILY_BH = Family(
    "held-out BH, written blind", build_bh, bh_text, bh_pages, bh_scanned, bh_values_in_text, True
)
FAMILY_BI = Family(
    "held-out BI, written blind", build_bi, bi_text, bi_pages, bi_scanned, bi_values_in_text, True
)
FAMILY_BJ = Family(
    "held-out BJ, written blind", build_bj, bj_text, bj_pages, bj_scanned, bj_values_in_text, True
)
FAMILY_BK = Family(
    "held-out BK, written blind", build_bk, bk_text, bk_pages, bk_scanned, bk_values_in_text, True
)


PRINTED: dict[str, Family] = {
    "m": M, "n": N, "o": FAMILY_O, "p": FAMILY_P, "q": FAMILY_Q, "r": FAMILY_R, "s": FAMILY_S,
    "t": FAMILY_T, "u": FAMILY_U, "v": FAMILY_V, "w": FAMILY_W, "x": FAMILY_X,
    "y": FAMILY_Y, "z": FAMILY_Z, "g": FAMILY_G, "e": FAMILY_E,
    "f": FAMILY_F, "i": FAMILY_I, "j": FAMILY_J, "aa": FAMILY_AA,
    "ab": FAMILY_AB, "ac": FAMILY_AC, "ad": FAMILY_AD, "ae": FAMILY_AE,
    "af": FAMILY_AF, "ag": FAMILY_AG, "ah": FAMILY_AH,
    "ai": FAMILY_AI, "aj": FAMILY_AJ, "ak": FAMILY_AK, "al": FAMILY_AL, "an": FAMILY_AN,
    "ao": FAMILY_AO, "ap": FAMILY_AP, "aq": FAMILY_AQ, "ar": FAMILY_AR, "as": FAMILY_AS,
    "at": FAMILY_AT,
    "au": FAMILY_AU,
    "av": FAMILY_AV,
    "aw": FAMILY_AW,
    "ax": FAMILY_AX,
    "ay": FAMILY_AY,
    "az": FAMILY_AZ,
    "ba": FAMILY_BA,
    "bb": FAMILY_BB,
    "bc": FAMILY_BC,
    "bd": FAMILY_BD,
    "be": FAMILY_BE,
    "bf": FAMILY_BF,
    "bg": FAMILY_BG,
    "bh": FAMILY_BH,
    "bi": FAMILY_BI,
    "bj": FAMILY_BJ,
    "bk": FAMILY_BK,
}  # fmt: skip
"""The printed families by their ``--family`` key, in the order ``--family all`` reads them."""


def skipped(key: str, skip: str) -> bool:
    """Whether ``--skip`` leaves out family ``key``: with a comma, ``skip`` is a list of exact
    keys (``y,i,ab,ae`` leaves out E no more than it does A); without one, the old form,
    where every key that is a substring of ``skip`` is left out (``yijabacad``)."""
    skip = skip.lower().replace(" ", "")
    if "," in skip:
        return key in {part for part in skip.split(",") if part}
    return bool(skip) and key in skip


def run_family(args: argparse.Namespace, key: str) -> None:
    """One printed family on perfect text, then ``--ocr-<key>`` of its scans. A blind
    family's misses are never printed, whatever ``--misses`` says (``_print_misses``)."""
    family = PRINTED[key]
    family_text(family, args.per_family, args.misses)
    if count := getattr(args, f"ocr_{key}"):
        family_ocr(family, count, args.misses)


def _print_misses(family: Family, result: Any, misses: bool) -> None:
    if misses and not family.blind:
        for miss in result.misses:
            print("  miss:", miss)


def family_text(family: Family, per_family: int, misses: bool = False) -> None:
    """The family on perfect text (its own faces, sizes and layout)."""
    model = classifier.shipped()
    samples = family.build(per_family)
    if RANKER[0] is not None:
        by_rules = rules_alone(samples, family.text, family.pages, model)
        print(by_rules.table(f"{family.title} ({len(samples)} documents, perfect text, rules)"))
    started = time.perf_counter()
    result = score([(s, extract(family.text(s), family.pages(s), model)) for s in samples])
    took = time.perf_counter() - started
    print(result.table(f"{family.title} ({len(samples)} documents, perfect text{_by()})"))
    for other in ALSO:
        again = time.perf_counter()
        got = [(s, extract_by_rules(family.text(s), family.pages(s), model, fields_model=other))
               for s in samples]  # fmt: skip
        print(score(got).table(f"{family.title} ({len(samples)} documents{_by(other)})"))
        print(f"  read in {(time.perf_counter() - again) / len(samples) * 1000:.0f} ms a document")
    confusion(result)
    print(reliability(model, samples, family.text))
    print(f"  read in {took:.1f} s ({took / len(samples) * 1000:.0f} ms a document)")
    _print_misses(family, result, misses)
    print()


def ocr_chosen(family: Family, count: int) -> list[Any]:
    """The ``count`` documents ``--ocr-<f> count`` scans: one class after another, in order
    (also ``ocr_reread.py``'s, which must read the same scans)."""
    every = family.build(max(1, -(-count // 19)))
    per = len(every) // 19
    return [every[c * per + r] for r in range(per) for c in range(19)][:count]


def scan_content_types() -> dict[str, Any]:
    """A scan's format as ``*_scanned`` names it → the content type Tesseract is given."""
    from cma_core.documents.files import ContentType

    return {
        "png": ContentType.PNG,
        "jpeg": ContentType.JPEG,
        "pdf": ContentType.PDF,
        "tiff": ContentType.TIFF,
    }


def family_ocr(family: Family, count: int, misses: bool = False) -> None:
    """``count`` documents of the family (one class after another) printed and scanned at
    150-300 dpi as PNG, JPEG, TIFF and PDF, read by Tesseract and the rule-based assistant."""
    from cma_adapters.tesseract import TesseractTextExtractor

    types = scan_content_types()
    chosen = ocr_chosen(family, count)
    verbatim = [0, 0]
    pages_read = [0]

    async def read_all() -> list[tuple[Sample, object]]:
        extractor, reader = TesseractTextExtractor(), assistant()
        out: list[tuple[Sample, object]] = []
        for index, sample in enumerate(chosen):
            data, fmt, _ = family.scanned(sample, index)
            pages = await extractor.extract(data, types[fmt])
            pages_read[0] += len(pages)
            text = "\f".join(p.text for p in pages)
            found = family.values_in_text(sample.truth, text)
            verbatim[0] += found[0]
            verbatim[1] += found[1]
            out.append((sample, await reader.classify_and_extract(text, pages)))
            scanned.append((sample, text, pages))
        return out

    scanned: list[tuple[Any, str, Any]] = []

    started = time.perf_counter()
    result = score(asyncio.run(read_all()))  # type: ignore[arg-type]
    took = time.perf_counter() - started
    print(f"true values found verbatim in the OCR text: {verbatim[0]} of {verbatim[1]}")
    print(result.table(f"{family.title} ({len(chosen)} documents, OCR{_by()})"))
    confusion(result)
    print(
        f"  scanned and read in {took:.1f} s: {len(chosen)} documents, {pages_read[0]} pages "
        f"({took / len(chosen):.1f} s a document)"
    )
    also(f"{family.title} ({len(chosen)} documents, OCR", scanned)
    _print_misses(family, result, misses)
    print()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--misses", action="store_true")
    # (round 15) ``--family all --skip x``: every family but those named, so that a round
    # measuring the others never prints a family kept blind for the lead
    parser.add_argument(
        "--skip",
        default="",
        help="keys to leave out: exact keys with commas (y,i,ah,bh,bi,bj,bk), else substrings",
    )
    parser.add_argument("--ocr-l", type=int, default=0)
    parser.add_argument(
        "--family",
        choices=("all", "read", *PRINTED),
        default="all",
    )
    parser.add_argument("--ocr-m", type=int, default=0)
    parser.add_argument("--ocr-n", type=int, default=0)
    parser.add_argument("--ocr-o", type=int, default=0)
    parser.add_argument("--ocr-p", type=int, default=0)
    parser.add_argument(
        "--ranker", default=None, help="shipped, alone, blended or several: shipped,alone"
    )
    parser.add_argument("--ocr-q", type=int, default=0)
    parser.add_argument("--ocr-r", type=int, default=0)
    parser.add_argument("--ocr-s", type=int, default=0)
    parser.add_argument("--ocr-t", type=int, default=0)
    parser.add_argument("--ocr-u", type=int, default=0)
    parser.add_argument("--ocr-v", type=int, default=0)
    parser.add_argument("--ocr-w", type=int, default=0)
    parser.add_argument("--ocr-x", type=int, default=0)
    parser.add_argument("--ocr-y", type=int, default=0)
    parser.add_argument("--ocr-z", type=int, default=0)
    parser.add_argument("--ocr-g", type=int, default=0)
    parser.add_argument("--ocr-e", type=int, default=0)
    parser.add_argument("--ocr-f", type=int, default=0)
    parser.add_argument("--ocr-i", type=int, default=0)
    parser.add_argument("--ocr-j", type=int, default=0)
    parser.add_argument("--ocr-aa", type=int, default=0)
    parser.add_argument("--ocr-ab", type=int, default=0)
    parser.add_argument("--ocr-ac", type=int, default=0)
    parser.add_argument("--ocr-ad", type=int, default=0)
    parser.add_argument("--ocr-ae", type=int, default=0)
    parser.add_argument("--ocr-af", type=int, default=0)
    parser.add_argument("--ocr-ag", type=int, default=0)
    parser.add_argument("--ocr-ah", type=int, default=0)
    parser.add_argument("--ocr-ai", type=int, default=0)
    parser.add_argument("--ocr-aj", type=int, default=0)
    parser.add_argument("--ocr-ak", type=int, default=0)
    parser.add_argument("--ocr-al", type=int, default=0)
    parser.add_argument("--ocr-an", type=int, default=0)
    parser.add_argument("--ocr-ao", type=int, default=0)
    parser.add_argument("--ocr-ap", type=int, default=0)
    parser.add_argument("--ocr-aq", type=int, default=0)
    parser.add_argument("--ocr-ar", type=int, default=0)
    parser.add_argument("--ocr-as", type=int, default=0)
    parser.add_argument("--ocr-at", type=int, default=0)
    parser.add_argument("--ocr-au", type=int, default=0)
    parser.add_argument("--ocr-av", type=int, default=0)
    parser.add_argument("--ocr-aw", type=int, default=0)
    parser.add_argument("--ocr-ax", type=int, default=0)
    parser.add_argument("--ocr-ay", type=int, default=0)
    parser.add_argument("--ocr-az", type=int, default=0)
    parser.add_argument("--ocr-ba", type=int, default=0)
    parser.add_argument("--ocr-bb", type=int, default=0)
    parser.add_argument("--ocr-bc", type=int, default=0)
    parser.add_argument("--ocr-bd", type=int, default=0)
    parser.add_argument("--ocr-be", type=int, default=0)
    parser.add_argument("--ocr-bf", type=int, default=0)
    parser.add_argument("--ocr-bg", type=int, default=0)
    parser.add_argument("--ocr-bh", type=int, default=0)
    parser.add_argument("--ocr-bi", type=int, default=0)
    parser.add_argument("--ocr-bj", type=int, default=0)
    parser.add_argument("--ocr-bk", type=int, default=0)
    args = parser.parse_args()
    for index, kind in enumerate(args.ranker.split(",") if args.ranker else ()):
        from cma_adapters.rules_assistant import ranker_training

        started = time.perf_counter()
        shipped = ranker.shipped() if kind == "shipped" else None
        if kind.endswith(".json"):  # a ranker written beforehand (round 24)
            from pathlib import Path

            shipped = ranker.from_json(Path(kind).read_text(encoding="utf-8"))
        fitted = shipped or ranker_training.train(
            version="bench", rules={"blended": True, "alone": False}[kind]
        )
        if index == 0:
            RANKER[0] = fitted
        else:
            ALSO.append(fitted)
        print(f"field ranker ({kind}, C={fitted.report.get('c')}) trained in "
              f"{time.perf_counter() - started:.1f} s on {fitted.report.get('documents')}"
              f" documents (families {''.join(fitted.report.get('families', []))}); artefact "
              f"{len(ranker.to_json(fitted)) / 1024:.0f} KiB\n")  # fmt: skip
    if args.family in PRINTED:
        run_family(args, args.family)
        return
    model = classifier.shipped()
    for title, held, only in (
        ("seen A-D", False, None),
        ("held-out H", True, "H"),
        ("held-out K", True, "K"),
    ):
        samples = build_corpus(args.per_family, seed=args.seed, held_out=held, only=only)
        if RANKER[0] is not None:
            by_rules = rules_alone(samples, sample_text, sample_pages, model)
            print(by_rules.table(f"{title} ({len(samples)} documents, perfect text, rules)"))
        started = time.perf_counter()
        result = score([(s, extract(sample_text(s), sample_pages(s), model)) for s in samples])
        took = (time.perf_counter() - started) / len(samples) * 1000
        print(result.table(f"{title} ({len(samples)} documents, perfect text{_by()})"))
        print(f"  read in {took:.0f} ms a document")
        if held:
            for expected, got in sorted(result.confusion.items()):
                wrong = {k: v for k, v in got.items() if k != expected}
                if wrong:
                    print(f"  confused: {expected} -> {wrong}")
            print(reliability(model, samples))
        if args.misses:
            for miss in result.misses:
                print("  miss:", miss)
        print()
    family_l(args.per_family, args.misses)
    if args.ocr_l:
        family_l_ocr(args.ocr_l, args.misses)
    for key in PRINTED:
        if skipped(key, args.skip):
            continue
        run_family(args, key)
        if key == "o" and args.family == "read":
            return


if __name__ == "__main__":
    main()
