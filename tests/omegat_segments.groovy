// omegat_segments.groovy — the segments OmegaT made of the project's source
// files, and which of them it translated from the memories in tm/auto/
// (exact matches), written by OmegaT itself in console mode
// (omegat_check.sh runs it with --script when SEGMENTS is set).
//
// Into the file named by the environment variable SEGMENTS_OUT, UTF-8
// whatever the locale, one line per segment in project order:
//   file <TAB> segment number <TAB> 1 translated, 0 not <TAB> source text
// with backslash, tab, line feed and carriage return in the text written
// \\ \t \n \r, so that a line holds exactly the text OmegaT compares.
import org.omegat.core.Core

// console mode runs the script on every project event: once is enough
if (binding.hasVariable('eventType') && eventType.toString() != 'LOAD')
    return

def esc = { String s ->
    s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
}
def out = System.getenv('SEGMENTS_OUT')
if (!out) {
    println 'SEGMENTS-ERROR\tno SEGMENTS_OUT in the environment'
    return
}
def project = Core.getProject()
new File(out).withWriter('UTF-8') { w ->
    project.getAllEntries().each { ste ->
        def info = project.getTranslationInfo(ste)
        w << "${ste.getKey().file}\t${ste.entryNum()}\t${info.isTranslated() ? 1 : 0}\t" +
             "${esc(ste.getSrcText())}\n"
    }
}
println "SEGMENTS-WRITTEN\t${project.getAllEntries().size()}"
