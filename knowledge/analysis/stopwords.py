"""German stop words: function words, the question words people start questions with, and courtesies."""
import re

from .fold import fold

_WORDS = """
a ab aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus bei beim bin bis
bisher bist bitte bzw ca da dabei dadurch daher dafür damit dann daran darauf daraus darf darfst darin darüber
darum das dass davon dazu dem den denen denn der deren des deshalb dessen dich die dies diese diesem diesen dieser
dieses dir doch dort du durch eben ein eine einem einen einer eines einmal er es etc etwa etwas euch euer eure
falls für gab gegen gibt geben gilt ggf gehen geht hab habe haben hat hatte hätte hier hin ich ihm ihn ihnen ihr
ihre ihrem ihren ihrer ihres im immer in ins ist ja je jede jedem jeden jeder jedes jemand jetzt kann kannst
kein keine keinem keinen keiner können könnte man manche mehr mein meine meinem meinen meiner mich mir mit muss
musst müssen möchte nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner selbst sich
sie sind so sogar soll sollen sollte sondern sonst statt über um und uns unser unsere unter viel viele vom von
vor wann war waren warum was weil welche welchem welchen welcher welches wem wen wenn wer werde werden wessen wie
wieso wieviel wird wir wo wobei woher wohin womit wovon wozu würde würden z zu zum zur zwar zwischen i d s u v
bekomme bekommt bekommen erhalte erhält erhalten mache machen macht dürfen sollen wollen will wollte tun
worden wurde wurden sei seien hast wäre wären uns unserem unseren unserer euer mal einfach genau eigentlich
während trotz wegen innerhalb außerhalb seit bereits schon überhaupt gerade ganz wirklich denn dann eben halt
irgendwie irgendwo irgendwann jemals nie niemals oft bzw beziehungsweise sowie sowohl weder noch nämlich quasi
ihm ihnen dessen deren dies jenes jener solche solcher solches wieso weshalb inwiefern inwieweit
"""

# greetings and courtesies of questions asked in public ("Hallo, …", "Danke im Voraus, LG"):
# they say nothing about the topic and would dilute its character n-grams
_COURTESY = """
hallo hi hey moin servus guten liebe lieben gruß grüße grüßen danke dank dankeschön vielen lg vg mfg
"""

STOPWORDS = frozenset(fold(w) for w in (_WORDS + _COURTESY).split())

# a greeting that opens a question, and a closing after its last sentence, with the words they
# take along ("Hallo zusammen,", "Guten Tag!", "… ? Vielen Dank im Voraus und liebe Grüße, Anna")
# ("Liebe Forumsmitglieder,", "Sehr geehrte Damen und Herren,", "Hallo liebe Community!": a salutation of
# up to four words before its comma, exclamation mark or colon; QA 5: "Liebe Forumsmitglieder, muss der
# Betrieb …" had been declined, the same question after "Hallo," answered)
_OPENING = re.compile(r"^\W*(?:(?:(?:hallo|hi|hey|moin|servus)(?:\s+(?:zusammen|allerseits|leute|ihr\s+lieben))?"
                      r"|guten\s+(?:tag|morgen|abend)|gr(?:ü|ue)(?:ß|ss)\s+gott)\b"
                      r"(?:\s+(?:liebe[rs]?|an)\s+[\w-]+(?:\s+[\w-]+){0,2}(?=\s*[,!:\n]))?"
                      r"|(?:liebe[rs]?|sehr\s+geehrte[rs]?)\s+[\w-]+(?:\s+[\w-]+){0,3}(?=\s*[,!:\n]))[\s,.!:;-]*",
                      re.IGNORECASE)
_GREETINGS = r"gr(?:ü|ue)(?:ß|ss)(?:e|en)"
_CLOSING = re.compile(r"(?<=[.!?,;:\n])[\s-]*(?:(?:vielen\s+)?dank(?:e)?(?:\s+sch(?:ö|oe)n)?(?:\s+im\s+voraus)?"
                      rf"|(?:viele|liebe|beste|freundliche|mit\s+freundlichen)\s+{_GREETINGS}|lg|vg|mfg)\b[^?]*$",
                      re.IGNORECASE)


def strip_courtesy(text: str) -> str:
    """A question without its opening greeting and its closing courtesies; the text itself
    when nothing else would remain."""
    stripped = _CLOSING.sub("", _OPENING.sub("", text, count=1), count=1).strip()
    return stripped or text


def is_stopword(folded: str) -> bool:
    return folded in STOPWORDS
