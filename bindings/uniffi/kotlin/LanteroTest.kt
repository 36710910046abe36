// The Kotlin side of Lantero's bindings, exercised as a case-system vendor would use them.
//
// Run by `make test-kotlin`: compiled with kotlinc against the generated bindings and JNA,
// run with -Djna.library.path=<folder of liblantero_ffi.so>. The one argument is the folder
// of the sample documents (examples/data). Prints one line per test and then
// "N passed, M failed"; exits non-zero when anything failed.

package se.lantero.test

import java.io.File
import java.nio.file.Files
import kotlin.system.exitProcess
import se.lantero.*

private class Check(message: String) : Exception(message)

private fun check(condition: Boolean, message: () -> String) {
    if (!condition) throw Check(message())
}

private fun <T> checkEqual(actual: T, expected: T, what: String) =
    check(actual == expected) { "$what: expected $expected, got $actual" }

/** Runs [block] and returns the exception it throws, failing when it throws none or another type. */
private inline fun <reified E : Throwable> expectThrows(what: String, block: () -> Unit): E {
    try {
        block()
    } catch (e: Throwable) {
        if (e is E) return e
        throw Check("$what: expected ${E::class.simpleName}, got ${e::class.qualifiedName}: ${e.message}")
    }
    throw Check("$what: expected ${E::class.simpleName}, nothing was thrown")
}

private val tests = linkedMapOf<String, () -> Unit>()

private fun test(name: String, body: () -> Unit) {
    tests[name] = body
}

private lateinit var samples: File

fun main(args: Array<String>) {
    samples = File(args.getOrElse(0) { "examples/data" })
    defineTests()
    var passed = 0
    var failed = 0
    for ((name, body) in tests) {
        try {
            body()
            passed++
            println("PASS $name")
        } catch (e: Throwable) {
            failed++
            println("FAIL $name: ${e::class.simpleName}: ${e.message}")
        }
    }
    println("$passed passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}

private fun defineTests() {
    test("personnummer: a valid number is described") {
        val pnr = parsePersonnummer("191212121212")
        checkEqual(pnr.normalized, "19121212-1212", "normalized")
        checkEqual(pnr.birthDate, "1912-12-12", "birth date")
        checkEqual(pnr.sex, Sex.MALE, "sex")
        checkEqual(pnr.samordningsnummer, false, "samordningsnummer")
        check(parsePersonnummer("701063-2391").samordningsnummer) { "day + 60 is a samordningsnummer" }
        check(isValidPersonnummer("19121212-1212") && !isValidPersonnummer("19121212-1213")) { "isValid" }
        checkEqual(parseOrganisationsnummer("5560160680").group, "aktiebolag", "organisation group")
    }

    test("personnummer: a wrong check digit is a typed exception naming the input") {
        val e = expectThrows<IdentifierException.Checksum>("bad check digit") {
            parsePersonnummer("19121212-1213")
        }
        check(e.message!!.contains("19121212-1213")) { "message names the input: ${e.message}" }
        expectThrows<IdentifierException.Date>("13th month") { parsePersonnummer("19121312-1211") }
        expectThrows<IdentifierException.Format>("letters") { parsePersonnummer("hej") }
        expectThrows<IdentifierException.NotLegalEntity>("a person is no company") {
            parseOrganisationsnummer("121212-1212")
        }
    }

    test("risk: scoring on the municipal 4x4 matrix") {
        val matrix = RiskMatrix.municipal4x4()
        checkEqual(matrix.id(), "sv-kommun-4x4", "id")
        val score = matrix.score(3u, 4u)
        checkEqual(score.value, 12u, "value")
        checkEqual(matrix.level(score.level)?.labelSv, "Mycket hög", "level label")
        checkEqual(matrix.score(1u, 4u).level, matrix.score(2u, 2u).level, "1×4 and 2×2 are both medium")
        val e = expectThrows<RiskException.OutOfScale>("probability 5 on a 4×4") { matrix.score(5u, 1u) }
        check(e.message!!.contains("5")) { "message names the value: ${e.message}" }
        val risks = listOf(
            Risk("Stöld av bärbar dator", Estimate(2u, 3u), Estimate(2u, 1u), Treatment.REDUCE, "IT-chef", null),
            Risk("Strömavbrott i serverhallen", Estimate(3u, 4u), Estimate(1u, 4u), Treatment.REDUCE, "Driftchef", null),
        )
        val ranked = matrix.prioritise(risks)
        checkEqual(ranked.map { it.index }, listOf(1uL, 0uL), "priority order")
        val again = RiskMatrix.fromJson(matrix.toJson())
        checkEqual(again.score(3u, 4u), score, "score after a JSON round trip")
        expectThrows<RiskException.Json>("garbage JSON") { RiskMatrix.fromJson("{") }
    }

    test("assets: a dependency cycle is refused with its path") {
        val register = AssetRegister(RiskMatrix.municipal4x4())
        fun asset(id: String, kind: AssetKind) =
            Asset(id, "Tillgång $id", kind, "IT-chef", "Stadshuset", Importance.MEDIUM, Klassa(0u, 0u, 0u), null, 12u, emptyList())
        register.add(asset("lon", AssetKind.SYSTEM).copy(importance = Importance.CRITICAL, klassa = Klassa(3u, 4u, 2u)))
        register.add(asset("db", AssetKind.DATABASE))
        register.add(asset("server", AssetKind.HARDWARE))
        register.addDependency("lon", "db")
        register.addDependency("db", "server")
        val e = expectThrows<AssetException.DependencyCycle>("server -> lon closes a loop") {
            register.addDependency("server", "lon")
        }
        check(e.message!!.contains("->")) { "message shows the cycle: ${e.message}" }
        checkEqual(register.dependencies("lon"), listOf("db"), "the refused edge was not added")
        expectThrows<AssetException.DuplicateAsset>("same id twice") { register.add(asset("db", AssetKind.DATABASE)) }
        expectThrows<AssetException.UnknownAsset>("unknown id") { register.addDependency("lon", "nope") }
        expectThrows<AssetException.InvalidValue>("KLASSA 5") { register.add(asset("x", AssetKind.SYSTEM).copy(klassa = Klassa(5u, 0u, 0u))) }

        val protection = register.inheritedProtection().associateBy { it.asset }
        checkEqual(protection["server"]?.importance, Importance.CRITICAL, "server inherits the payroll system's importance")
        val findings = register.findings("2026-01-15")
        check(findings.any { it.kind == FindingKind.NO_MOBILE_PHONES && it.message.contains("Mobiltelefoner") }) {
            "no phones registered is a finding: $findings"
        }
        val csv = register.toCsv()
        val fromCsv = AssetRegister.fromCsv(register.matrix(), csv, "register.csv")
        checkEqual(fromCsv.assets().map { it.id }, listOf("lon", "db", "server"), "assets after a CSV round trip")
        checkEqual(AssetRegister.fromJson(register.toJson(), "register.json").assets(), register.assets(), "JSON round trip")
    }

    test("cases: a whistleblower report in a SQLite file, read back with only the receipt") {
        val dir = Files.createTempDirectory("lantero-kotlin").toFile()
        try {
            val db = File(dir, "cases.db").path
            val key = generateRootKeyHex()
            val config = serviceConfigJson(ServiceConfigPreset.INSECURE_FOR_TESTS)
            val service = CaseService.openSqliteWithConfig(db, key, config)
            service.createTenant("ange", "Ånge kommun")
            val submission = service.submitReport(
                "ange",
                NewReport(CaseKind.WHISTLEBLOWING, Channel.WEB, "Fakturor godkänns utan leverans.", null),
            )
            check(Regex("VB-\\d{4}-0001").matches(submission.reference)) { "reference ${submission.reference}" }
            check(Regex("\\d{4} \\d{4} \\d{4} \\d{4}").matches(submission.receipt)) { "receipt is shown grouped" }

            // Staff answer through the tool.
            val admin = Actor("admin-1", "ange", listOf(Role.ADMINISTRATOR))
            val handler = Actor("handlaggare-1", "ange", listOf(Role.HANDLER))
            service.assign(admin, submission.caseId, "handlaggare-1")
            val details = service.case(handler, submission.caseId)
            checkEqual(details.text, "Fakturor godkänns utan leverans.", "handler reads the report")
            val acknowledged = service.acknowledge(handler, submission.caseId, "Tack, vi har tagit emot din rapport.")
            checkEqual(acknowledged.status, Status.ACKNOWLEDGED, "status after acknowledgement")
            check(acknowledged.acknowledgedAt != null) { "acknowledgedAt is set" }

            // Later, in another process, the reporter has nothing but the receipt.
            val reopened = CaseService.openSqliteWithConfig(db, key, config)
            val typed = submission.receipt.replace(" ", "")
            val view = reopened.reporterView("ange", typed, "session-1")
            checkEqual(view.reference, submission.reference, "reporter sees their reference")
            checkEqual(view.text, "Fakturor godkänns utan leverans.", "reporter sees their report")
            checkEqual(view.messages.map { it.text }, listOf("Tack, vi har tagit emot din rapport."), "the dialogue")
            checkEqual(view.messages[0].author, MessageAuthor.Staff("handlaggare-1"), "author")
            reopened.reporterSend("ange", typed, "session-1", "Jag har fler underlag.")
            check(reopened.messages(handler, submission.caseId).any { it.author == MessageAuthor.Reporter }) {
                "the handler sees the reporter's message"
            }
            expectThrows<CaseException.UnknownReceipt>("a wrong receipt") {
                reopened.reporterView("ange", "0000 0000 0000 0000", "session-2")
            }
            expectThrows<CaseException.Denied>("statistics readers read no cases") {
                reopened.case(Actor("stat", "ange", listOf(Role.STATISTICS_READER)), submission.caseId)
            }
            expectThrows<CaseException.InvalidValue>("a bad tenant id") { reopened.createTenant("Ånge!", "x") }
            expectThrows<CaseException.Crypto>("a bad root key") { CaseService.openSqlite(db, "not hex") }
        } finally {
            dir.deleteRecursively()
        }
    }

    test("cases: deadlines are listed, soonest first") {
        val dir = Files.createTempDirectory("lantero-kotlin").toFile()
        try {
            val service = CaseService.openSqliteWithConfig(
                File(dir, "cases.db").path, generateRootKeyHex(), serviceConfigJson(ServiceConfigPreset.INSECURE_FOR_TESTS),
            )
            service.createTenant("ange", "Ånge kommun")
            val first = service.submitReport("ange", NewReport(CaseKind.WHISTLEBLOWING, Channel.PHONE, "Rapport ett.", null))
            service.submitReport("ange", NewReport(CaseKind.TIP, Channel.WEB, "Ett tips utan lagstadgad klocka.", null))
            val admin = Actor("admin-1", "ange", listOf(Role.ADMINISTRATOR))
            val open = service.deadlines(admin, DeadlineQuery.OPEN)
            checkEqual(open.map { it.clock }, listOf(ClockKind.ACKNOWLEDGEMENT, ClockKind.FEEDBACK), "clocks of the report")
            check(open.all { it.reference == first.reference && it.state == DeadlineState.PENDING }) { "$open" }
            check(open[0].due.isBefore(open[1].due)) { "soonest first" }
            val days = java.time.Duration.between(java.time.Instant.now(), open[0].due).toDays()
            check(days in 6..10) { "acknowledgement is due in about 7 days, got $days" }
            checkEqual(service.deadlines(admin, DeadlineQuery.OVERDUE), emptyList<Deadline>(), "nothing overdue yet")
        } finally {
            dir.deleteRecursively()
        }
    }

    test("detection on text: personnummer and e-mail with reasons and provisions") {
        val text = "Ekonomiskt bistånd. Sökande Karin Lindqvist, 19121212-1212, karin@example.se."
        val detector = Detector.builtin()
        val found = detector.detectText(text)
        val pnr = found.single { it.entity == "PERSONNUMMER" }
        checkEqual(pnr.text, "19121212-1212", "personnummer text")
        checkEqual(text.substring(pnr.start.toInt(), pnr.end.toInt()), pnr.text, "offsets index the text")
        check(found.any { it.entity == "EMAIL" && it.text == "karin@example.se" }) { "e-mail found: $found" }
        check(pnr.reason.isNotBlank() && pnr.recognizer.isNotBlank()) { "a finding says why" }
        val resolved = resolveFindings(listOf(text), found)
        check(resolved.single { it.entity == "PERSONNUMMER" }.provisions.contains("OSL 26:1")) { "social services secrecy proposed" }
        val onlyEmail = Detector.withFilter(0.0f, listOf("EMAIL")).detectText(text)
        checkEqual(onlyEmail.map { it.entity }.distinct(), listOf("EMAIL"), "entity filter")
        expectThrows<RedactException.UnknownEntity>("unknown entity") { Detector.withFilter(0.0f, listOf("SHOE_SIZE")) }
    }

    test("review session on text: decisions, JSON round trip and decision record") {
        val text = "Ekonomiskt bistånd. Sökande 19121212-1212, karin@example.se."
        val findings = resolveFindings(listOf(text), Detector.builtin().detectText(text))
        val session = ReviewSession("brev.txt", text.toByteArray(), 1u, findings)
        val proposals = session.proposals()
        checkEqual(session.pending(), proposals.size.toULong(), "all pending")
        val pnr = proposals.single { it.entity == "PERSONNUMMER" }
        session.accept(pnr.id, "anna", "OSL 26:1")
        proposals.filter { it.id != pnr.id }.forEach { session.reject(it.id, "anna") }
        checkEqual(session.pending(), 0uL, "nothing pending")
        val again = ReviewSession.fromJson(session.toJson(), "review.json")
        val accepted = again.proposals().single { it.id == pnr.id }
        checkEqual(accepted.decision, Decision.ACCEPTED, "decision survives JSON")
        checkEqual(accepted.history.map { it.by to it.action }, listOf("anna" to "accept"), "history")
        val record = again.decisionRecord(false)
        checkEqual(record.applied.map { it.provision }, listOf("OSL 26:1"), "provisions applied")
        check(record.markdown.contains("kammarrätten")) { "the record tells how to appeal" }
        expectThrows<RedactException.Review>("an unknown proposal id") { again.accept("p-000000000000", "anna", null) }
        expectThrows<RedactException.Review>("a session that is not JSON") { ReviewSession.fromJson("[]", "x.json") }
    }

    test("redaction: review and redact beslut-ekonomiskt-bistand.pdf") {
        val pdf = File(samples, "beslut-ekonomiskt-bistand.pdf")
        check(pdf.isFile) { "sample missing: $pdf" }
        val dir = Files.createTempDirectory("lantero-kotlin").toFile()
        try {
            val redactor = Redactor()
            val analysis = redactor.analyze(pdf.path)
            check(analysis.pageTexts[0].contains("811218-9876")) { "the text layer is read" }
            val session = redactor.review(pdf.path)
            val proposals = session.proposals()
            val pnr = proposals.first { it.entity == "PERSONNUMMER" && it.text == "811218-9876" }
            check(pnr.boxes.isNotEmpty()) { "PDF proposals carry boxes" }
            session.accept(pnr.id, "anna.handlaggare", "OSL 26:1")
            val org = proposals.firstOrNull { it.entity == "ORGANISATIONSNUMMER" }
            if (org != null) session.reject(org.id, "anna.handlaggare") // the municipality's own number is public
            val drawn = session.addMask(1u, Rect(72f, 700f, 200f, 712f), "anna.handlaggare", "OSL 26:1")
            val resized = pnr.boxes.map { it.copy(x1 = it.x1 + 2f) }
            session.resize(pnr.id, resized, "anna.handlaggare")
            val restored = ReviewSession.fromJson(session.toJson(), "review.json")
            check(restored.proposals().any { it.id == drawn && it.origin == Origin.CASEWORKER }) { "caseworker mask kept" }

            val out = File(dir, "utlamnas.pdf")
            val report = redactor.redact(pdf.path, out.path, restored, PendingPolicy.MASK)
            check(out.isFile && out.length() == report.outputBytes.toLong()) { "output written: $report" }
            checkEqual(report.pages, 1u, "pages")
            check(report.checksPassed.isNotEmpty()) { "verification checks listed" }
            check(report.record.applied.any { it.provision == "OSL 26:1" }) { "OSL 26:1 applied: ${report.record.applied}" }
            check(report.record.markdown.contains("26 kap. 1 §")) { "decision text cites the provision" }
            val raw = String(out.readBytes(), Charsets.ISO_8859_1)
            check(!raw.contains("811218") && !raw.contains("Lindqvist")) { "no text survives in the output" }

            // A session belongs to one document: applying it to another is refused, nothing written.
            val other = File(samples, "beslut-parkeringstillstand.pdf")
            val refused = File(dir, "fel.pdf")
            expectThrows<RedactException.Review>("a session for another document") {
                redactor.redact(other.path, refused.path, restored, PendingPolicy.MASK)
            }
            check(!refused.exists()) { "no output on refusal" }
            expectThrows<RedactException.Input>("a missing file") { redactor.analyze(File(dir, "saknas.pdf").path) }
        } finally {
            dir.deleteRecursively()
        }
    }

    test("redaction: an organisation profile releases the municipality's details and officials") {
        val pdf = File(samples, "beslut-ekonomiskt-bistand.pdf")
        val profile = File(samples.parentFile, "profile/lillby.toml")
        val redactor = Redactor.withPublicRules(profile.path, listOf(), listOf("Swedbank"), true)
        val findings = redactor.analyze(pdf.path).findings
        val official = findings.first { it.text == "Johan Bergström" }
        checkEqual(official.entity, "PUBLIC_ROLE", "an official in role")
        check(official.public?.contains("socialsekreterare") == true) { "the reason names the role: $official" }
        check(findings.any { it.text == "212000-1124" && it.public != null }) { "the org.nr is released" }
        check(findings.any { it.text == "Swedbank" && it.entity == "CUSTOM" && it.public == null }) { "deny list masks" }
        check(findings.filter { it.text == "811218-9876" || it.text == "Karin Lindqvist" }.all { it.public == null }) { "private data stays proposed" }
        val released = redactor.review(pdf.path).proposals().filter { it.public != null }
        check(released.isNotEmpty() && released.all { it.decision == Decision.REJECTED && it.history[0].by == "lantero" }) { "released in advance" }
        expectThrows<RedactException.Input>("a missing profile") { Redactor.withPublicRules("saknas.toml", listOf(), listOf(), true) }
    }

    test("a panic in Rust arrives as a typed Internal error") {
        val e = expectThrows<RiskException.Internal>("panic_for_test") { panicForTest("avsiktlig panik") }
        check(e.message!!.contains("avsiktlig panik")) { "the panic message is kept: ${e.message}" }
        // The library still works after the panic.
        checkEqual(RiskMatrix.municipal4x4().score(1u, 1u).value, 1u, "scoring after a panic")
    }
}
