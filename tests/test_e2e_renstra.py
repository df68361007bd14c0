"""In a real browser: a planner builds a plan from nothing, pastes targets and pagu from a spreadsheet,
creates a perubahan and compares it; an evaluator reads it; another OPD's planner gets a 404."""

import pytest
from django.core.management import call_command

from renstra.models import Elemen, Indikator, Pagu, Periode, RenstraVersi, Target
from renstra.samples import SAMPLE
from sakip.demo import DEMO_PASSWORD
from sakip.models import PerangkatDaerah

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASTE = """(text) => {
  const el = document.activeElement;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


@pytest.fixture
def site(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_default_timeout(10_000)
    return live_server


def login(page, url, username):
    page.goto(f"{url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{url}/")


def dialog_save(page, **fields):
    page.wait_for_selector("#modal-body form")
    for name, value in fields.items():
        page.locator(f"#modal-body #id_{name}").fill(value)
    page.locator("#modal-body button[type=submit]").click()
    page.locator("#editor").wait_for(state="hidden")  # closed once the tree is swapped in


def row(page, text):
    locator = page.locator("tr[data-path]", has_text=text).first
    locator.hover()
    return locator


def test_planner_builds_a_plan_and_revises_it(page, site):
    blitar = PerangkatDaerah.objects.get(pemda__kode="blitar")
    Periode.objects.create(pemda=blitar.pemda, nama="RPJMD Blitar 2025–2030", tahun_awal=2025, tahun_akhir=2030)
    login(page, site.url, "perencana.blitar")
    page.get_by_role("link", name="Renstra", exact=True).click()
    page.get_by_role("link", name="Renstra baru Bakesbangpol").click()
    page.locator("#id_periode").select_option(label="RPJMD Blitar 2025–2030")
    page.get_by_role("button", name="Simpan").click()
    assert page.get_by_text("Renstra ini masih kosong").is_visible()

    page.get_by_role("button", name="Tujuan", exact=True).click()
    dialog_save(page, nama="Terwujudnya stabilitas politik dan keamanan")
    row(page, "Terwujudnya stabilitas").get_by_role("button", name="Sasaran").click()
    dialog_save(page, nama="Meningkatnya partisipasi politik")
    row(page, "Meningkatnya partisipasi").get_by_role("button", name="Indikator").click()
    page.locator("#modal-body #id_uraian").fill("Tingkat partisipasi pemilih")
    page.locator("#modal-body #id_satuan").fill("%")
    page.locator("#modal-body #id_kondisi_awal").fill("tujuh puluh")
    page.locator("#modal-body button[type=submit]").click()
    page.locator("#modal-body").get_by_text("tidak dapat dibaca").wait_for()  # the error at the field
    dialog_save(page, kondisi_awal="72,5")
    row(page, "Meningkatnya partisipasi").get_by_role("button", name="Program").click()
    dialog_save(page, kode="8 01 03", nama="Program Pendidikan Politik")
    row(page, "Program Pendidikan Politik").get_by_role("button", name="Kegiatan").click()
    dialog_save(page, kode="8.01.03.2.01", nama="Perumusan Kebijakan Teknis")
    row(page, "Perumusan Kebijakan Teknis").get_by_role("button", name="Sub kegiatan").click()
    dialog_save(page, kode="8.01.03.2.01.0003", nama="Pelaksanaan Kebijakan Pendidikan Politik")
    assert page.locator("tr[data-path]").count() == 5
    assert page.locator("code", has_text="8.01.03").first.is_visible()

    # Targets pasted as a block from Excel; one bad cell is marked, the others save.
    page.get_by_role("link", name="Target", exact=True).click()
    page.locator('input[data-row="0"][data-col="1"]').click()
    page.evaluate(PASTE, "75\t76,5\t78%\tabc\t80\t81,25")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("5 sel tersimpan, 1 sel perlu diperbaiki.").wait_for()
    assert page.locator("td.invalid").get_by_text("tidak dapat dibaca").is_visible()
    page.locator('input[data-row="0"][data-col="4"]').fill("79")
    page.keyboard.press("Control+s")
    page.get_by_text("1 sel tersimpan.").wait_for()
    versi = RenstraVersi.objects.get(renstra__opd=blitar, renstra__periode__tahun_awal=2025)
    ind = Indikator.objects.get(elemen__versi=versi, uraian="Tingkat partisipasi pemilih")
    assert [t.shown for t in Target.objects.filter(indikator=ind).order_by("tahun")] == [
        "75", "76,5", "78", "79", "80", "81,25"
    ]  # fmt: skip

    # Pagu: totals follow as you type, then save.
    page.get_by_role("link", name="Pagu", exact=True).click()
    page.locator('input[data-row="0"][data-col="0"]').click()  # the first sub kegiatan, first year
    page.evaluate(PASTE, "1.250.000\t2,500,000")
    assert page.locator("[data-grand='2026']").inner_text() == "2.500.000"
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("2 sel tersimpan.").wait_for()
    assert Pagu.objects.filter(elemen__versi=versi).count() == 2

    # Tetapkan, then make a perubahan, change a target and compare.
    page.goto(f"{site.url}/renstra/versi/{versi.pk}/tetapkan/")
    page.locator("#id_dasar_hukum_nomor").fill("Peraturan Bupati Blitar Nomor 10 Tahun 2022")
    page.locator("#id_dasar_hukum_tanggal").fill("2026-01-15")
    page.locator("#id_berlaku_mulai").select_option("2026")
    page.get_by_role("button", name="Tetapkan").click()
    assert page.get_by_text("ditetapkan dan kini hanya dapat dibaca").is_visible()
    page.goto(f"{site.url}/renstra/{versi.renstra_id}/")
    page.get_by_role("button", name="Buat perubahan").click()
    assert page.get_by_role("heading", name="Perubahan (versi 2)").is_visible()
    page.get_by_role("link", name="Target", exact=True).click()
    page.locator('input[data-row="0"][data-col="6"]').fill("85")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("1 sel tersimpan.").wait_for()
    page.get_by_role("link", name="Bandingkan").click()
    compare = page.get_by_test_id("compare").inner_text()
    assert "target 2030" in compare and "81,25" in compare and "85" in compare
    assert Elemen.objects.filter(versi__renstra=versi.renstra).count() == 10


def test_evaluator_reads_and_other_opd_is_not_found(page, site):
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan")
    login(page, site.url, "evaluator.balangan")
    page.goto(f"{site.url}/renstra/versi/{versi.pk}/")
    assert page.get_by_text("Meningkatnya Pemetaan Daerah Potensi Konflik").first.is_visible()
    assert page.get_by_role("button", name="Tujuan", exact=True).count() == 0
    page.get_by_test_id("toggle-completeness").click()  # the side panel folds away below 1600 px
    page.get_by_test_id("completeness").get_by_text("dipakai lebih dari sekali").first.wait_for()
    page.get_by_role("link", name="Pagu", exact=True).click()
    assert page.locator("input[readonly]").count() > 0 and page.locator("#grid-save").count() == 0

    page.get_by_test_id("user-menu").click()
    page.get_by_role("button", name="Keluar").click()
    login(page, site.url, "perencana.blitar")
    response = page.goto(f"{site.url}/renstra/versi/{versi.pk}/")
    assert response.status == 404


def test_planner_imports_the_sample_workbook(page, site):
    blitar = PerangkatDaerah.objects.get(pemda__kode="blitar")
    login(page, site.url, "perencana.blitar")
    page.get_by_role("link", name="Renstra", exact=True).click()
    page.get_by_role("link", name="Impor dari Excel Bakesbangpol").click()
    page.locator("#id_periode").select_option(label="RPJMD Kabupaten Blitar 2021–2026")
    page.locator("#id_berkas").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Unggah dan periksa").click()
    preview = page.get_by_test_id("import-preview")
    preview.wait_for()
    assert "Rp 6.713.166.768" in page.get_by_test_id("import-totals").inner_text()
    assert "#REF!" in page.get_by_test_id("import-problems").inner_text()
    assert RenstraVersi.objects.filter(renstra__opd=blitar).count() == 1  # the demo's; nothing saved yet
    page.get_by_role("button", name="Simpan sebagai draf").click()
    page.get_by_text("Renstra diimpor sebagai Perubahan (versi 2)").wait_for()
    assert page.locator("tr.level-sub_kegiatan").count() == 37
