// omegat_glossary.groovy — what OmegaT's Glossary pane would show, printed
// by OmegaT itself in console mode (omegat_check.sh runs it with --script).
//
// For each file in the project's glossary/ folder: OmegaT's GlossaryManager
// loads it (the reader its name selects: .tbx TBX, .txt/.utf8/.tab TSV,
// .csv CSV), then OmegaT's FindGlossaryThread searches every source segment
// with the project's tokenizer, exactly as the pane does for the segment
// being edited. One line per file and per hit:
//   GLOSSARY-FILE <TAB> file <TAB> entries loaded (-1: it did not load)
//   GLOSSARY-HIT <TAB> file <TAB> segment number <TAB> source <TAB> target <TAB> comment
// Each file is searched on its own, so a hit names the file it came from.
import org.omegat.core.Core
import org.omegat.gui.glossary.FindGlossaryThread
import org.omegat.gui.glossary.GlossaryManager

// The pane's search, without the pane: the search never goes stale.
class PaneSearch extends FindGlossaryThread {
    PaneSearch(entry, manager) { super(null, entry, manager) }
    protected boolean isEntryChanged() { false }
}

// console mode runs the script on every project event: once is enough
if (binding.hasVariable('eventType') && eventType.toString() != 'LOAD')
    return

def props = Core.getProject().getProjectProperties()
new File(props.getGlossaryRoot()).listFiles().findAll { it.isFile() }.sort { it.name }.each { f ->
    def gm = new GlossaryManager(null)
    gm.priorityGlossary = new File(props.getWriteableGlossary()) // as start() sets it
    def entries = null
    try {
        entries = gm.loadGlossaryFile(f)
    } catch (Exception e) {
        println "GLOSSARY-ERROR\t${f.name}\t${e}"
    }
    println "GLOSSARY-FILE\t${f.name}\t${entries == null ? -1 : entries.size()}"
    if (entries == null)
        return
    gm.glossaries.put(f.path, entries) // what fileChanged() does, less the pane's refresh
    Core.getProject().getAllEntries().each { ste ->
        new PaneSearch(ste, gm).search().each { e ->
            println "GLOSSARY-HIT\t${f.name}\t${ste.entryNum()}\t${e.srcText}\t${e.locText}\t${e.commentText}"
        }
    }
}
