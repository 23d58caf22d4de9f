<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About alhol-desk</source>
        <translation>حول alhol-desk</translation>
    </message>
    <message>
        <source>alhol-desk %1: offline data entry and signed sync for tracking repatriations from al-Hol camp.
Licence: %2. Data folder: %3</source>
        <translation>alhol-desk %1: إدخال بيانات دون اتصال ومزامنة موقّعة لمتابعة عمليات الإعادة من مخيم الهول.
الترخيص: %2. مجلد البيانات: %3</translation>
    </message>
    <message>
        <source>Third-party software in this app, and the licences it comes under:</source>
        <translation>برمجيات الأطراف الأخرى في هذا التطبيق، والتراخيص التي تخضع لها:</translation>
    </message>
    <message>
        <source>The third-party notices could not be read: %1</source>
        <translation>تعذّرت قراءة إشعارات الأطراف الأخرى: %1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>حول &amp;Qt</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>All records</source>
        <translation>كل السجلات</translation>
    </message>
    <message>
        <source>Record id (its first characters)</source>
        <translation>معرّف السجل (أوّل أحرفه)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>المُدخِل</translation>
    </message>
    <message>
        <source>Times are shown in this computer&apos;s time zone; dates filter in UTC. Enter opens a batch.</source>
        <translation>تظهر الأوقات بتوقيت هذا الحاسوب، وتُصفّى التواريخ بالتوقيت العالمي (UTC). يفتح مفتاح Enter الدفعة.</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>أيّ شخص</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>المُدخِل</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <source>created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <source>bundle %1</source>
        <translation>الحزمة %1</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Edit batch</source>
        <translation>تعديل دفعة</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>دفعة جديدة</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>الأطفال</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>التسليم</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Age bands (optional; each must add up to its total)</source>
        <translation>الفئات العمرية (اختيارية؛ يجب أن يساوي مجموع كلٍّ منها إجماليَّه)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>دفعة مكرّرة على الأرجح</translation>
    </message>
    <message>
        <source>A batch with the same country, date and counts is already recorded (reference: %1). Is this a different batch?</source>
        <translation>سُجّلت من قبل دفعة بالبلد والتاريخ والأعداد نفسها (المرجع: %1). هل هذه دفعة مختلفة؟</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>احفظ على أي حال</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>عودة</translation>
    </message>
</context>
<context>
    <name>BatchesScreen</name>
    <message>
        <source>Filter by country, date, status, reference, place or source (Ctrl+F)</source>
        <translation>صفِّ حسب البلد أو التاريخ أو الحالة أو المرجع أو المكان أو المصدر (Ctrl+F)</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>دفعة جديدة</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>%1 more batches are dated less precisely than %2 (a year, or a month it cuts) and may fall in it: they are not shown here. Pick their year or month to see them.</source>
        <translation>هناك %1 دفعات أخرى تاريخها أقل دقة من %2 (سنة، أو شهر تقطعه الفترة) وقد تقع فيها: لا تظهر هنا. اختر سنتها أو شهرها لرؤيتها.</translation>
    </message>
    <message>
        <source>Delete batch</source>
        <translation>حذف الدفعة</translation>
    </message>
    <message>
        <source>Delete this batch? It stays in the audit log, and the deletion is sent with the next export.</source>
        <translation>هل تريد حذف هذه الدفعة؟ ستبقى في سجل التدقيق، وسيُرسَل الحذف مع التصدير القادم.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>أبقِها</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>%1+ batches</source>
        <translation>الدفعات: %1+</translation>
    </message>
    <message>
        <source>%1 batches</source>
        <translation>الدفعات: %1</translation>
    </message>
</context>
<context>
    <name>BundleHistoryModel</name>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>ما فعلته</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>مُرسلة</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>مُستلمة</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>(empty)</source>
        <translation>(فارغ)</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>غير محذوف</translation>
    </message>
    <message>
        <source>whole camp</source>
        <translation>المخيم كله</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>kept this laptop&apos;s value</source>
        <translation>أُبقيت قيمة هذا الحاسوب</translation>
    </message>
    <message>
        <source>kept the incoming value</source>
        <translation>أُبقيت القيمة الواردة</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>محسوم: %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>الواردة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <source>Two people changed the same figure without seeing each other&apos;s change. For now the later change is shown. Decide which value is right: your choice is a new change that goes out in the next bundle, so every laptop ends up with it.</source>
        <translation>غيّر شخصان الرقم نفسه دون أن يرى أحدهما تغيير الآخر. يُعرض الآن التغيير الأحدث. قرّر أيّ القيمتين هي الصحيحة: اختيارك تغيير جديد يخرج في الحزمة التالية، فتصل إليه كل الحواسيب.</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>التعارضات المفتوحة</translation>
    </message>
    <message>
        <source>Resolved conflicts</source>
        <translation>التعارضات المحسومة</translation>
    </message>
    <message>
        <source>All conflicts</source>
        <translation>كل التعارضات</translation>
    </message>
    <message>
        <source>Value held on this laptop</source>
        <translation>القيمة على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Value in the imported bundle</source>
        <translation>القيمة في الحزمة المستوردة</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>أبقِ هذه القيمة</translation>
    </message>
    <message>
        <source>Type the right values…</source>
        <translation>اكتب القيم الصحيحة…</translation>
    </message>
    <message>
        <source>%1 shown, %2 open</source>
        <translation>المعروض: %1، المفتوح: %2</translation>
    </message>
    <message>
        <source>No open conflicts: every figure agrees.</source>
        <translation>لا تعارضات مفتوحة: كل الأرقام متفقة.</translation>
    </message>
    <message>
        <source>No conflicts to show.</source>
        <translation>لا تعارضات لعرضها.</translation>
    </message>
    <message>
        <source>Found on %1 while importing a bundle.</source>
        <translation>اكتُشف في %1 أثناء استيراد حزمة.</translation>
    </message>
    <message>
        <source>Each change was valid alone, but together they break a rule of the record (%1): the record keeps this laptop&apos;s values until you decide. Keeping one side keeps that side&apos;s whole record.</source>
        <translation>كل تغيير صحيح وحده، لكنهما معًا يخالفان قاعدة من قواعد السجل (%1): يحتفظ السجل بقيم هذا الحاسوب حتى تقرر. الإبقاء على جانب يُبقي سجل ذلك الجانب كله.</translation>
    </message>
    <message>
        <source>The record has been changed again since: it now holds %1.</source>
        <translation>تغيّر السجل مرة أخرى منذ ذلك الحين: قيمته الآن %1.</translation>
    </message>
    <message>
        <source>this laptop&apos;s value</source>
        <translation>قيمة هذا الحاسوب</translation>
    </message>
    <message>
        <source>the incoming value</source>
        <translation>القيمة الواردة</translation>
    </message>
    <message>
        <source>the values typed</source>
        <translation>القيم المكتوبة</translation>
    </message>
    <message>
        <source>Resolved by %1 on %2: kept %3.</source>
        <translation>حسمه %1 في %2: أُبقيت %3.</translation>
    </message>
</context>
<context>
    <name>CountriesScreen</name>
    <message>
        <source>Search by name (English or Arabic) or ISO code (Ctrl+F)</source>
        <translation>ابحث بالاسم (بالعربية أو الإنجليزية) أو برمز ISO (Ctrl+F)</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>كل البلدان</translation>
    </message>
    <message>
        <source>With a status or batches</source>
        <translation>البلدان التي لها حالة أو دفعات</translation>
    </message>
    <message>
        <source>Started repatriating</source>
        <translation>بدأت الإعادة</translation>
    </message>
    <message>
        <source>No status yet</source>
        <translation>بلا حالة بعد</translation>
    </message>
    <message>
        <source>Enter or double-click opens a country&apos;s page.</source>
        <translation>يفتح مفتاح Enter أو النقر المزدوج صفحة البلد.</translation>
    </message>
    <message>
        <source>%1 countries</source>
        <translation>البلدان: %1</translation>
    </message>
</context>
<context>
    <name>CountryPage</name>
    <message>
        <source>Back to countries</source>
        <translation>العودة إلى البلدان</translation>
    </message>
    <message>
        <source>Add status event…</source>
        <translation>إضافة حدث حالة…</translation>
    </message>
    <message>
        <source>Add estimate…</source>
        <translation>إضافة تقدير…</translation>
    </message>
    <message>
        <source>New batch for this country…</source>
        <translation>دفعة جديدة لهذا البلد…</translation>
    </message>
    <message>
        <source>Women / men / girls / boys</source>
        <translation>نساء / رجال / فتيات / فتيان</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Status timeline (newest first)</source>
        <translation>التسلسل الزمني للحالة (الأحدث أولاً)</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>التقديرات</translation>
    </message>
    <message>
        <source>no status recorded</source>
        <translation>لم تُسجَّل حالة</translation>
    </message>
</context>
<context>
    <name>CountryTableModel</name>
    <message>
        <source>ISO code</source>
        <translation>رمز ISO</translation>
    </message>
    <message>
        <source>People repatriated</source>
        <translation>المُعادون</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>آخر تحديث</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>People repatriated by sex and age</source>
        <translation>المُعادون حسب الجنس والعمر</translation>
    </message>
    <message>
        <source>People repatriated, by country</source>
        <translation>المُعادون حسب البلد</translation>
    </message>
    <message>
        <source>People repatriated, by month</source>
        <translation>المُعادون حسب الشهر</translation>
    </message>
    <message>
        <source>%1 of %2 tracked countries have started repatriating</source>
        <translation>بدأ %1 من أصل %2 من البلدان المتابَعة بإعادة رعاياه</translation>
    </message>
    <message>
        <source>%1 people repatriated (batches: %2)</source>
        <translation>عدد المُعادين: %1 (الدفعات: %2)</translation>
    </message>
    <message>
        <source>%1 conflicts to settle: two people changed the same figure</source>
        <translation>تعارضات تنتظر الحسم: %1 (غيّر شخصان الرقم نفسه)</translation>
    </message>
    <message>
        <source>Figures for: %1</source>
        <translation>الأرقام عن: %1</translation>
    </message>
    <message>
        <source>Listed apart, not counted in this period: %1 batches, %2 people, %3</source>
        <translation>مدرجة على حدة ولا تُحسب في هذه الفترة: %1 دفعات، %2 أشخاص، %3</translation>
    </message>
    <message>
        <source>Age bands count only batches that give them; — : no batch gives them.</source>
        <translation>لا تُحتسب في الفئات العمرية إلا الدفعات التي تذكرها؛ —: لا توجد دفعة تذكرها.</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>الأشخاص: %1</translation>
    </message>
    <message>
        <source>%1 countries</source>
        <translation>البلدان: %1</translation>
    </message>
    <message>
        <source>%1 repatriating</source>
        <translation>تعيد رعاياها: %1</translation>
    </message>
    <message>
        <source>Camp estimates (sources disagree; all are kept)</source>
        <translation>تقديرات المخيم (تختلف المصادر، وتُحفظ كلها)</translation>
    </message>
    <message>
        <source>%1 (month unknown)</source>
        <translation>%1 (الشهر غير معروف)</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No records yet</source>
        <translation>لا توجد سجلات بعد</translation>
    </message>
    <message>
        <source>Enter a batch from a handover sheet. To try the tool on the sourced example records (AFP&apos;s 43,000 residents from 45 countries; Russia&apos;s 32 children), start it with: alhol-desk gui --demo. The demo opens its own folder, so its examples never mix with this laptop&apos;s records.</source>
        <translation>أدخل دفعة من ورقة تسليم. لتجربة الأداة على السجلات التجريبية الموثّقة المصادر (٤٣٬٠٠٠ مقيم من ٤٥ بلداً بحسب وكالة فرانس برس؛ ٣٢ طفلاً أعادتهم روسيا)، شغّلها بالأمر: alhol-desk gui --demo. يفتح العرض التجريبي مجلّده الخاص، فلا تختلط أمثلته أبداً بسجلات هذا الحاسوب.</translation>
    </message>
    <message>
        <source>New batch (Ctrl+N)</source>
        <translation>دفعة جديدة (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>EstimateDialog</name>
    <message>
        <source>New estimate</source>
        <translation>تقدير جديد</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>التقدير</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Export and import</source>
        <translation>التصدير والاستيراد</translation>
    </message>
    <message>
        <source>Export to a stick…</source>
        <translation>التصدير إلى ذاكرة USB…</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>استيراد حزم…</translation>
    </message>
    <message>
        <source>Bundle history</source>
        <translation>سجل الحزم</translation>
    </message>
    <message>
        <source>Sent and received</source>
        <translation>المُرسلة والمُستلمة</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>المُرسلة</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>المُستلمة</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>أي نتيجة</translation>
    </message>
    <message>
        <source>Team, file or reason</source>
        <translation>الفريق أو الملف أو السبب</translation>
    </message>
    <message>
        <source>Changes made here since the last export: %1.</source>
        <translation>التغييرات التي أُجريت هنا منذ آخر تصدير: %1.</translation>
    </message>
    <message>
        <source>Last bundle sent: number %1, on %2.</source>
        <translation>آخر حزمة أُرسلت: رقم %1، في %2.</translation>
    </message>
    <message>
        <source>No bundle has been sent from this laptop yet.</source>
        <translation>لم تُرسل أي حزمة من هذا الحاسوب بعد.</translation>
    </message>
    <message>
        <source>Last bundle imported: from %1, on %2.</source>
        <translation>آخر حزمة استُوردت: من %1، في %2.</translation>
    </message>
    <message>
        <source>Bundles from here go to: %1.</source>
        <translation>تذهب الحزم من هنا إلى: %1.</translation>
    </message>
    <message>
        <source>Devices and keys</source>
        <translation>الأجهزة والمفاتيح</translation>
    </message>
    <message>
        <source>No device is trusted to receive bundles yet; see %1.</source>
        <translation>لا يوجد بعد جهاز موثوق لاستلام الحزم؛ انظر %1.</translation>
    </message>
    <message>
        <source>You can also drop .alhol files on this window to import them.</source>
        <translation>يمكنك أيضاً إفلات ملفات ‎.alhol‎ على هذه النافذة لاستيرادها.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Choose the folder for the bundle</source>
        <translation>اختر المجلد الذي تُكتب فيه الحزمة</translation>
    </message>
    <message>
        <source>%1 GB free</source>
        <translation>%1 غيغابايت فارغة</translation>
    </message>
    <message>
        <source>%1 MB free</source>
        <translation>%1 ميغابايت فارغة</translation>
    </message>
    <message>
        <source>Export to a stick</source>
        <translation>التصدير إلى ذاكرة USB</translation>
    </message>
    <message>
        <source>Do not remove the stick until this is finished.</source>
        <translation>لا تنزع الذاكرة قبل انتهاء هذه العملية.</translation>
    </message>
    <message>
        <source>Changes made on this laptop since the last export: %1.</source>
        <translation>التغييرات التي أُجريت على هذا الحاسوب منذ آخر تصدير: %1.</translation>
    </message>
    <message>
        <source>The bundle is for %1. It is signed and encrypted: only they can open it, and anyone else who finds the stick sees nothing but a random file name.</source>
        <translation>الحزمة موجّهة إلى %1. إنها موقّعة ومشفّرة: لا يفتحها غيرهم، ومن يجد الذاكرة لا يرى إلا ملفاً باسم عشوائي.</translation>
    </message>
    <message>
        <source>USB stick or removable drive</source>
        <translation>ذاكرة USB أو قرص قابل للنزع</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
    <message>
        <source>Last used: %1</source>
        <translation>آخر مجلد مستخدم: %1</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in, or choose a folder below.</source>
        <translation>لم يُعثر على ذاكرة USB. صِلْ واحدة، أو اختر مجلداً أدناه.</translation>
    </message>
    <message>
        <source>Folder on the stick</source>
        <translation>المجلد على الذاكرة</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>اختر مجلداً آخر…</translation>
    </message>
    <message>
        <source>Send every record, not only what the receiver has not confirmed (for a new or reinstalled laptop)</source>
        <translation>أرسل كل السجلات، لا ما لم يؤكده المستلم فقط (لحاسوب جديد أو أُعيد تثبيته)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>صدِّر</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Where to write it</source>
        <translation>أين تُكتب</translation>
    </message>
    <message>
        <source>Writing the bundle to %1…</source>
        <translation>تُكتب الحزمة في %1…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>The files:</source>
        <translation>الملفات:</translation>
    </message>
    <message>
        <source>Bundle %1 is written, with %2 changes.</source>
        <translation>كُتبت الحزمة رقم %1، وفيها %2 من التغييرات.</translation>
    </message>
    <message>
        <source>%1 bundles are written, with %2 changes in all: copy every one of them. (HQ writes one for each device, and splits a large export.)</source>
        <translation>كُتبت %1 حزم، فيها %2 تغييرًا في المجموع: انسخها كلها. (يكتب المقر حزمة لكل جهاز، ويقسم التصدير الكبير.)</translation>
    </message>
    <message>
        <source>It holds every record on this laptop (a full bundle).</source>
        <translation>تحمل كل السجلات الموجودة على هذا الحاسوب (حزمة كاملة).</translation>
    </message>
    <message>
        <source>It holds everything %1 has not confirmed yet: the changes since the bundle sent on %2.</source>
        <translation>تحمل كل ما لم يؤكد %1 استلامه بعد: التغييرات منذ الحزمة المُرسلة في %2.</translation>
    </message>
    <message>
        <source>It holds every change since the start: %1 has not confirmed any bundle yet.</source>
        <translation>تحمل كل التغييرات منذ البداية: لم يؤكد %1 استلام أي حزمة بعد.</translation>
    </message>
    <message>
        <source>There was nothing new to send; the bundle still tells %1 which of their bundles arrived here.</source>
        <translation>لم يكن هناك جديد لإرساله؛ لكن الحزمة تُعلم %1 بأيّ حزمهم وصلت إلى هنا.</translation>
    </message>
    <message>
        <source>Safely remove the stick and give it to whoever carries it to %1. Only %1 can open the file.</source>
        <translation>انزع الذاكرة بأمان وسلّمها لمن يحملها إلى %1. لا يستطيع فتح الملف إلا %1.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up alhol-desk</source>
        <translation>إعداد alhol-desk</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Your name is required (the page before).</source>
        <translation>اسمك مطلوب (في الصفحة السابقة).</translation>
    </message>
    <message>
        <source>Type the passphrase twice, or continue without one.</source>
        <translation>اكتب عبارة المرور مرّتين، أو تابع من دونها.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>This bundle is for another device (HQ writes one for each laptop); it is left as it is.</source>
        <translation>هذه الحزمة لجهاز آخر (يكتب المقر حزمة لكل حاسوب محمول)؛ تُركت كما هي.</translation>
    </message>
    <message>
        <source>From %1, bundle %2, %3 changes.</source>
        <translation>من %1، الحزمة رقم %2، عدد التغييرات %3.</translation>
    </message>
    <message>
        <source>This bundle was imported before; importing it again changes nothing.</source>
        <translation>استُوردت هذه الحزمة من قبل؛ استيرادها مرة أخرى لا يغيّر شيئاً.</translation>
    </message>
    <message>
        <source>It would bring: %1.</source>
        <translation>ستأتي بـ: %1.</translation>
    </message>
    <message>
        <source>It brought: %1.</source>
        <translation>أتت بـ: %1.</translation>
    </message>
    <message>
        <source>Where two people changed the same figure, the later change is shown for now and both go to Conflicts for you to decide.</source>
        <translation>حيث غيّر شخصان الرقم نفسه، يُعرض التغيير الأحدث الآن وتذهب القيمتان إلى التعارضات لتقرّر أنت.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>تنبيهات</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>استيراد حزم</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Checking %1 of %2: %3</source>
        <translation>فحص %1 من %2: %3</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Here is what each bundle would do.</source>
        <translation>لم يتغيّر شيء بعد. هذا ما ستفعله كل حزمة.</translation>
    </message>
    <message>
        <source>%1 of them cannot be imported: select one to read why. A refusal is noted in the bundle history when you go on; no record changes.</source>
        <translation>لا يمكن استيراد %1 منها: اختر واحدة لتقرأ السبب. يُسجَّل الرفض في سجل الحزم عند المتابعة؛ ولا يتغيّر أي سجل.</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>لا شيء للاستيراد.</translation>
    </message>
    <message>
        <source>Import %1 bundles</source>
        <translation>استورد %1 حزم</translation>
    </message>
    <message>
        <source>Import the bundle</source>
        <translation>استورد الحزمة</translation>
    </message>
    <message>
        <source>Note the refusal in the history</source>
        <translation>سجّل الرفض في السجل</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3</source>
        <translation>استيراد %1 من %2: %3</translation>
    </message>
    <message>
        <source>Each bundle is applied whole or not at all.</source>
        <translation>تُطبَّق كل حزمة كاملةً أو لا تُطبَّق أبداً.</translation>
    </message>
    <message>
        <source>Imported %1 of %2 bundles: %3.</source>
        <translation>استُوردت %1 من %2 حزم: %3.</translation>
    </message>
    <message>
        <source>Open Conflicts to decide which values are right.</source>
        <translation>افتح التعارضات لتقرّر أيّ القيم هي الصحيحة.</translation>
    </message>
    <message>
        <source>Opening the bundles…</source>
        <translation>فتح الحزم…</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>This laptop</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>This is this laptop&apos;s fingerprint. When the other side phones before trusting this laptop&apos;s card, read it out to them, group by group.</source>
        <translation>هذه بصمة هذا الحاسوب. عندما يتصل بك الطرف الآخر قبل أن يثق ببطاقة هذا الحاسوب، اقرأها له مجموعةً مجموعة.</translation>
    </message>
    <message>
        <source>Open the keys</source>
        <translation>افتح المفاتيح</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s card…</source>
        <translation>احفظ بطاقة هذا الحاسوب…</translation>
    </message>
    <message>
        <source>Devices this laptop trusts</source>
        <translation>الأجهزة التي يثق بها هذا الحاسوب</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Last bundle received</source>
        <translation>آخر حزمة مُستلمة</translation>
    </message>
    <message>
        <source>Trusted on</source>
        <translation>تاريخ الثقة</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>معرّف الجهاز</translation>
    </message>
    <message>
        <source>Trust a card…</source>
        <translation>ثِق ببطاقة…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>اسحب الثقة…</translation>
    </message>
    <message>
        <source>Team %1, %2</source>
        <translation>الفريق %1، %2</translation>
    </message>
    <message>
        <source>Device id: %1</source>
        <translation>معرّف الجهاز: %1</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>موثوق</translation>
    </message>
    <message>
        <source>Revoked after bundle %1</source>
        <translation>سُحبت الثقة بعد الحزمة %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>لا شيء بعد</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>المقر الرئيسي</translation>
    </message>
    <message>
        <source>a team</source>
        <translation>فريق</translation>
    </message>
    <message>
        <source>No device is trusted yet. To exchange bundles with %1: save this laptop&apos;s card to a stick and give it to them; take their card, choose &quot;Trust a card…&quot; and type the fingerprint they read to you over the phone.</source>
        <translation>لا يوجد جهاز موثوق بعد. لتبادل الحزم مع %1: احفظ بطاقة هذا الحاسوب على ذاكرة USB وسلّمها لهم؛ وخذ بطاقتهم، واختر «ثِق ببطاقة…» واكتب البصمة التي يقرؤونها لك عبر الهاتف.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to alhol-desk</source>
        <translation>مرحباً بك في alhol-desk</translation>
    </message>
    <message>
        <source>Choose the language of the window. You can change it later in Settings.</source>
        <translation>اختر لغة النافذة. يمكنك تغييرها لاحقاً من قائمة الإعدادات.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المعلومات</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>alhol-desk — DEMO (example records, not real data)</source>
        <translation>alhol-desk — عرض تجريبي DEMO (سجلات للتجربة، لا بيانات حقيقية)</translation>
    </message>
    <message>
        <source>alhol-desk — %1</source>
        <translation>alhol-desk — %1</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>جارٍ فتح البيانات…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>حول &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;New batch…</source>
        <translation>دفعة &amp;جديدة…</translation>
    </message>
    <message>
        <source>Import a &amp;spreadsheet…</source>
        <translation>استيراد &amp;جدول بيانات…</translation>
    </message>
    <message>
        <source>&amp;Export to a stick…</source>
        <translation>&amp;تصدير إلى ذاكرة USB…</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>ا&amp;ستيراد حزم…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Find / filter</source>
        <translation>&amp;بحث / تصفية</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Devices and &amp;keys</source>
        <translation>الأجهزة وال&amp;مفاتيح</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;الإعدادات</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>&amp;Export reminder…</source>
        <translation>&amp;تذكير التصدير…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;About alhol-desk</source>
        <translation>حول alhol-desk</translation>
    </message>
    <message>
        <source>Team: %1 (%2)</source>
        <translation>الفريق: %1 (%2)</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>المُدخِل: %1</translation>
    </message>
    <message>
        <source>Export to a stick (Ctrl+E)</source>
        <translation>التصدير إلى ذاكرة USB (Ctrl+E)</translation>
    </message>
    <message>
        <source>DEMO: example records in their own folder; no device accepts its bundles</source>
        <translation>عرض تجريبي DEMO: سجلات للتجربة في مجلّدها الخاص؛ لا يقبل أيّ جهاز حزمه</translation>
    </message>
    <message>
        <source>This is the demo&apos;s own data folder. Every device refuses its cards and bundles; your own data is in the data folder beside it.</source>
        <translation>هذا مجلّد البيانات الخاص بالعرض التجريبي. كل جهاز يرفض بطاقاته وحزمه؛ بياناتك أنت في مجلّد البيانات المجاور له.</translation>
    </message>
    <message>
        <source>Cannot open the batch</source>
        <translation>تعذّر فتح الدفعة</translation>
    </message>
    <message>
        <source>Checked at start: %1</source>
        <translation>فُحص عند البدء: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>Open it again, or discard it?</source>
        <translation>هل تريد فتحه مرة أخرى أم تجاهله؟</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Open it again</source>
        <translation>افتحه مرة أخرى</translation>
    </message>
    <message>
        <source>Cannot open the draft</source>
        <translation>تعذّر فتح المسودة</translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Your name goes into the audit log beside every change you make, so that a figure can be traced to who entered it. It never goes into the log file.</source>
        <translation>يُسجَّل اسمك في سجل التدقيق بجانب كل تغيير تجريه، ليُعرف من أدخل كل رقم. لا يُكتب اسمك أبداً في ملف السجل التقني.</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>اسمك الكامل</translation>
    </message>
    <message>
        <source>Your name is required.</source>
        <translation>اسمك مطلوب.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Protect the keys (recommended)</source>
        <translation>احمِ المفاتيح (يُنصح بذلك)</translation>
    </message>
    <message>
        <source>This laptop&apos;s keys sign what it sends to headquarters and open what is sent to it. A passphrase keeps them locked on the disk: it is asked once each time alhol-desk needs the keys. Choose a few words you can remember; it cannot be recovered if forgotten.</source>
        <translation>مفاتيح هذا الحاسوب توقّع ما يرسله إلى المقر الرئيسي وتفتح ما يُرسَل إليه. عبارة المرور تُبقيها مقفلة على القرص: تُطلب مرّة واحدة كلّما احتاج alhol-desk إلى المفاتيح. اختر بضع كلمات تتذكّرها؛ لا يمكن استعادتها إن نُسيت.</translation>
    </message>
    <message>
        <source>Passphrase (at least %1 characters)</source>
        <translation>عبارة المرور (%1 محارف على الأقل)</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>عبارة المرور نفسها مرّة أخرى</translation>
    </message>
    <message>
        <source>Continue without a passphrase</source>
        <translation>تابع من دون عبارة مرور</translation>
    </message>
    <message>
        <source>Without a passphrase, anyone who has this laptop, or a copy of its disk, can sign bundles that headquarters trusts as yours, and read the bundles sent to this laptop. You can add one later: alhol-desk keys passphrase.</source>
        <translation>من دون عبارة مرور، يستطيع أيّ شخص يحوز هذا الحاسوب، أو نسخة من قرصه، أن يوقّع حزماً يثق بها المقر الرئيسي على أنها منك، وأن يقرأ الحزم المرسلة إلى هذا الحاسوب. يمكنك إضافة عبارة مرور لاحقاً: alhol-desk keys passphrase.</translation>
    </message>
    <message>
        <source>The passphrase is too short (at least %1 characters).</source>
        <translation>عبارة المرور قصيرة جداً (%1 محارف على الأقل).</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>All time</source>
        <translation>كل الأوقات</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>ربع سنة</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>من … إلى …</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>الربع %1</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY أو YYYY-MM أو YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>الفترة:</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>This batch has changes that are not saved. Discard them?</source>
        <translation>في هذه الدفعة تغييرات لم تُحفظ. هل تريد تجاهلها؟</translation>
    </message>
    <message>
        <source>This status event is not saved. Discard it?</source>
        <translation>حدث الحالة هذا لم يُحفظ. هل تريد تجاهله؟</translation>
    </message>
    <message>
        <source>This estimate is not saved. Discard it?</source>
        <translation>هذا التقدير لم يُحفظ. هل تريد تجاهله؟</translation>
    </message>
    <message>
        <source>This record has changes that are not saved. Discard them?</source>
        <translation>في هذا السجل تغييرات لم تُحفظ. هل تريد تجاهلها؟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save (Enter or Ctrl+S)</source>
        <translation>حفظ (Enter أو Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>ما زال مطلوباً: %1</translation>
    </message>
    <message>
        <source>Fix the fields marked in red to save.</source>
        <translation>صحّح الحقول المعلَّمة بالأحمر لتتمكن من الحفظ.</translation>
    </message>
    <message>
        <source>Warnings (in amber) do not stop saving.</source>
        <translation>التنبيهات (بالكهرماني) لا تمنع الحفظ.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>متابعة التعديل</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Export &amp;report</source>
        <translation>&amp;تصدير تقرير</translation>
    </message>
    <message>
        <source>For &amp;sharing outside HQ: counts of 1–4 shown as &lt;5</source>
        <translation>لل&amp;مشاركة خارج المقر: تظهر الأعداد من ١ إلى ٤ على شكل ‪&lt;5‬</translation>
    </message>
    <message>
        <source>Hide small counts and leave notes out, for a report that leaves HQ</source>
        <translation>إخفاء الأعداد الصغيرة وحذف الملاحظات، لتقرير يخرج من المقر</translation>
    </message>
    <message>
        <source>&amp;Batches as CSV…</source>
        <translation>ال&amp;دفعات بصيغة CSV…</translation>
    </message>
    <message>
        <source>&amp;Country summary as CSV…</source>
        <translation>ملخص ال&amp;بلدان بصيغة CSV…</translation>
    </message>
    <message>
        <source>&amp;Workbook (XLSX)…</source>
        <translation>&amp;مصنف Excel ‏(XLSX)…</translation>
    </message>
    <message>
        <source>&amp;PDF in English and Arabic…</source>
        <translation>&amp;PDF بالإنجليزية والعربية…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV ‏(*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>مصنفات Excel ‏(*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF ‏(*.pdf)</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>حفظ التقرير باسم</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
    <message>
        <source>small counts hidden, for sharing</source>
        <translation>الأعداد الصغيرة مخفية، للمشاركة</translation>
    </message>
    <message>
        <source>exact counts, for HQ only</source>
        <translation>أعداد دقيقة، للمقر فقط</translation>
    </message>
    <message>
        <source>Report saved: %1 (%2; %3)</source>
        <translation>حُفظ التقرير: %1 (%2؛ %3)</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log file in the data folder.</source>
        <translation>حدث خطأ ما؛ التفاصيل في ملف السجل في مجلد البيانات.</translation>
    </message>
    <message>
        <source>The report was not saved</source>
        <translation>لم يُحفظ التقرير</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke a device</source>
        <translation>سحب الثقة من جهاز</translation>
    </message>
    <message>
        <source>Revoke %1&apos;s device?</source>
        <translation>أتسحب الثقة من جهاز %1؟</translation>
    </message>
    <message>
        <source>The last bundle imported from it is number %1.</source>
        <translation>آخر حزمة استُوردت منه رقمها %1.</translation>
    </message>
    <message>
        <source>No bundle from it has been imported yet.</source>
        <translation>لم تُستورد منه أي حزمة بعد.</translation>
    </message>
    <message>
        <source>Revoke a device when its laptop is lost or stolen, or when it must no longer take part. What revoking does:</source>
        <translation>اسحب الثقة من جهاز إذا فُقد حاسوبه أو سُرق، أو إذا وجب ألا يشارك بعد الآن. ما يفعله سحب الثقة:</translation>
    </message>
    <message>
        <source>Bundles it made up to the number below are still accepted; what was already imported from it stays.</source>
        <translation>الحزم التي صنعها حتى الرقم أدناه تبقى مقبولة؛ وما استُورد منه من قبل يبقى.</translation>
    </message>
    <message>
        <source>Every later bundle from it is refused and set aside for a data manager to check.</source>
        <translation>كل حزمة لاحقة منه تُرفض وتوضع جانباً ليفحصها مدير البيانات.</translation>
    </message>
    <message>
        <source>This laptop stops writing bundles for it.</source>
        <translation>يتوقف هذا الحاسوب عن كتابة حزم له.</translation>
    </message>
    <message>
        <source>It cannot be undone here: a laptop that is found again is enrolled as a new device, with a new card.</source>
        <translation>لا يمكن التراجع عنه هنا: الحاسوب الذي يُعثر عليه مجدداً يُسجَّل جهازاً جديداً ببطاقة جديدة.</translation>
    </message>
    <message>
        <source>0 refuses every bundle from it, even ones not yet imported.</source>
        <translation>الصفر يرفض كل حزمة منه، حتى التي لم تُستورد بعد.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>اسحب الثقة من %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Last bundle to accept from it:</source>
        <translation>آخر حزمة تُقبل منه:</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>Import a spreadsheet</source>
        <translation>استيراد جدول بيانات</translation>
    </message>
    <message>
        <source>Bring in batches kept in a spreadsheet: a CSV or Excel (XLSX) file, a KoboToolbox or ODK export, or a report of this app. Nothing is changed until you have seen every row&apos;s problems and chosen to import.</source>
        <translation>أدخِل الدفعات المحفوظة في جدول بيانات: ملف CSV أو Excel (XLSX)، أو تصدير من KoboToolbox أو ODK، أو تقرير من هذا التطبيق. لا يتغير شيء حتى ترى مشكلات كل صف وتختار الاستيراد.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>ا&amp;ختيار ملف…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>اختيار جدول البيانات</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>جداول البيانات (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>جارٍ قراءة %1…</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>العمود في الملف</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>يُقرأ على أنه</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <source>Check the &amp;rows</source>
        <translation>فحص ال&amp;صفوف</translation>
    </message>
    <message>
        <source>%1: %2 rows below the header. Check what each column is read as.</source>
        <translation>%1: %2 صفاً تحت صف العناوين. تحقّق مما يُقرأ عليه كل عمود.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(لا يُستورد)</translation>
    </message>
    <message>
        <source>No column is read as: %1.</source>
        <translation>لا يوجد عمود يُقرأ على أنه: %1.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>جارٍ فحص كل صف…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ما المشكلة</translation>
    </message>
    <message>
        <source>Import the other rows, and leave the refused ones out</source>
        <translation>استيراد الصفوف الأخرى وترك الصفوف المرفوضة</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>ا&amp;ستيراد</translation>
    </message>
    <message>
        <source>Importing, in one go: all the new rows or none…</source>
        <translation>جارٍ الاستيراد دفعة واحدة: كل الصفوف الجديدة أو لا شيء…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Added: %1. Already recorded (not added again): %2. Refused: %3.</source>
        <translation>أُضيف: %1. مسجّل من قبل (لم يُضف مرة أخرى): %2. مرفوض: %3.</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. To add: %1. Already recorded (not added again): %2. Refused: %3.</source>
        <translation>لم يتغير شيء بعد. للإضافة: %1. مسجّل من قبل (لن يُضاف مرة أخرى): %2. مرفوض: %3.</translation>
    </message>
    <message>
        <source>%1 rows have the same country and date as a recorded batch: check them.</source>
        <translation>%1 صفاً لها البلد والتاريخ نفساهما لدفعة مسجّلة: تحقّق منها.</translation>
    </message>
    <message>
        <source>Already recorded; not added again.</source>
        <translation>مسجّل من قبل؛ لا يُضاف مرة أخرى.</translation>
    </message>
    <message>
        <source>Repeats row %1; not added again.</source>
        <translation>يكرر الصف %1؛ لا يُضاف مرة أخرى.</translation>
    </message>
    <message>
        <source>Possible duplicate: a recorded batch has the same country and date. Check it is another batch.</source>
        <translation>تكرار محتمل: لدفعة مسجّلة البلد والتاريخ نفساهما. تحقّق من أنها دفعة أخرى.</translation>
    </message>
</context>
<context>
    <name>SideBox</name>
    <message>
        <source>Changed by %1 on %2, %3</source>
        <translation>غيّره %1 على %2، %3</translation>
    </message>
    <message>
        <source>Changed on %1, %2</source>
        <translation>غُيّرت على %1، في %2</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>المعروضة الآن</translation>
    </message>
</context>
<context>
    <name>StatusEventDialog</name>
    <message>
        <source>New status event</source>
        <translation>حدث حالة جديد</translation>
    </message>
    <message>
        <source>Status event</source>
        <translation>حدث الحالة</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Choose the bundles to import</source>
        <translation>اختر الحزم المراد استيرادها</translation>
    </message>
    <message>
        <source>alhol-desk bundles (*.alhol);;All files (*)</source>
        <translation>حزم alhol-desk (*.alhol);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Choose the device card to trust</source>
        <translation>اختر بطاقة الجهاز المراد الوثوق به</translation>
    </message>
    <message>
        <source>Device cards (*.card *.json);;All files (*)</source>
        <translation>بطاقات الأجهزة (*.card *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s card</source>
        <translation>احفظ بطاقة هذا الحاسوب</translation>
    </message>
    <message>
        <source>Device cards (*.card)</source>
        <translation>بطاقات الأجهزة (*.card)</translation>
    </message>
    <message>
        <source>This window can only read</source>
        <translation>هذه النافذة للقراءة فقط</translation>
    </message>
    <message>
        <source>Another alhol-desk window or command is using this data folder, so this one can only read. Close the other one, then open this window again.</source>
        <translation>نافذة أو أمر آخر من alhol-desk يستخدم مجلد البيانات هذا، لذا لا تستطيع هذه النافذة إلا القراءة. أغلق الآخر، ثم افتح هذه النافذة من جديد.</translation>
    </message>
    <message>
        <source>The keys cannot be opened</source>
        <translation>تعذّر فتح المفاتيح</translation>
    </message>
    <message>
        <source>No headquarters device is trusted yet, so there is no one to send a bundle to.

To fix it: get HQ&apos;s device card on a stick; in Sync › Devices and keys choose &quot;Trust a card…&quot; and type the fingerprint HQ reads to you over the phone. Then export again.</source>
        <translation>لا يوجد بعد جهاز موثوق للمقر الرئيسي، فلا أحد تُرسل إليه حزمة.

للإصلاح: احصل على بطاقة جهاز المقر الرئيسي على ذاكرة USB؛ ومن المزامنة › الأجهزة والمفاتيح اختر «ثِق ببطاقة…» واكتب البصمة التي يقرؤها لك المقر عبر الهاتف. ثم صدِّر من جديد.</translation>
    </message>
    <message>
        <source>No field device is trusted yet, so there is no one to send a bundle to.

To fix it: get the team&apos;s device card on a stick; in Sync › Devices and keys choose &quot;Trust a card…&quot; and type the fingerprint the officer reads to you over the phone. Then export again.</source>
        <translation>لا يوجد بعد جهاز ميداني موثوق، فلا أحد تُرسل إليه حزمة.

للإصلاح: احصل على بطاقة جهاز الفريق على ذاكرة USB؛ ومن المزامنة › الأجهزة والمفاتيح اختر «ثِق ببطاقة…» واكتب البصمة التي يقرؤها لك الموظف عبر الهاتف. ثم صدِّر من جديد.</translation>
    </message>
    <message>
        <source>No one to send to yet</source>
        <translation>لا أحد تُرسل إليه بعد</translation>
    </message>
    <message>
        <source>The card was not saved</source>
        <translation>لم تُحفظ البطاقة</translation>
    </message>
    <message>
        <source>Card saved</source>
        <translation>حُفظت البطاقة</translation>
    </message>
    <message>
        <source>This laptop&apos;s card is saved in %1.

Give it to the other side. Before they trust it they will phone you: read them this fingerprint:

%2</source>
        <translation>حُفظت بطاقة هذا الحاسوب في %1.

سلّمها للطرف الآخر. قبل أن يثقوا بها سيتصلون بك: اقرأ لهم هذه البصمة:

%2</translation>
    </message>
    <message>
        <source>This card cannot be used</source>
        <translation>لا يمكن استخدام هذه البطاقة</translation>
    </message>
    <message>
        <source>Not yet exported: %1</source>
        <translation>لم يُصدَّر بعد: %1</translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation>تعارضات مفتوحة: %1</translation>
    </message>
    <message>
        <source>Changes not exported</source>
        <translation>تغييرات لم تُصدَّر</translation>
    </message>
    <message>
        <source>%1 changes made on this laptop have not been exported yet; the oldest is from %2, %3 days ago. No other laptop has them until a stick carries them.

Export them to a stick now?</source>
        <translation>لم يُصدَّر بعد %1 من التغييرات التي أُجريت على هذا الحاسوب؛ أقدمها من %2، قبل %3 يوماً. لن تصل إلى أي حاسوب آخر حتى تحملها ذاكرة USB.

أتصدّرها إلى ذاكرة الآن؟</translation>
    </message>
    <message>
        <source>Export now</source>
        <translation>صدِّر الآن</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>أغلق دون تصدير</translation>
    </message>
    <message>
        <source>Export reminder</source>
        <translation>تذكير التصدير</translation>
    </message>
    <message>
        <source>When closing, remind me to export if changes made here are older than this many days (0: never remind):</source>
        <translation>عند الإغلاق، ذكّرني بالتصدير إذا كانت التغييرات التي أُجريت هنا أقدم من هذا العدد من الأيام (0: لا تذكير أبداً):</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Send and receive</source>
        <translation>الإرسال والاستلام</translation>
    </message>
    <message>
        <source>Devices and keys</source>
        <translation>الأجهزة والمفاتيح</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team and role</source>
        <translation>الفريق والدور</translation>
    </message>
    <message>
        <source>This laptop becomes one device of your team. Field teams enter records and send them to headquarters; headquarters merges what every team sends.</source>
        <translation>يصبح هذا الحاسوب أحد أجهزة فريقك. تُدخل الفرق الميدانية السجلات وترسلها إلى المقر الرئيسي، ويدمج المقر الرئيسي ما ترسله كل الفرق.</translation>
    </message>
    <message>
        <source>Team name (for example: Hasakah 1)</source>
        <translation>اسم الفريق (مثلاً: الحسكة 1)</translation>
    </message>
    <message>
        <source>Field team</source>
        <translation>فريق ميداني</translation>
    </message>
    <message>
        <source>Headquarters (HQ)</source>
        <translation>المقر الرئيسي</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust a device card</source>
        <translation>الوثوق ببطاقة جهاز</translation>
    </message>
    <message>
        <source>Trust %1&apos;s device?</source>
        <translation>أتثق بجهاز %1؟</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>معرّف الجهاز</translation>
    </message>
    <message>
        <source>Card file</source>
        <translation>ملف البطاقة</translation>
    </message>
    <message>
        <source>Phone the person who gave you this card, on a number you already know (never one written on the stick).</source>
        <translation>اتصل بمن أعطاك هذه البطاقة، على رقم تعرفه من قبل (لا على رقم مكتوب على الذاكرة أبداً).</translation>
    </message>
    <message>
        <source>Ask them to read the fingerprint shown on their laptop under Sync › Devices and keys.</source>
        <translation>اطلب منه أن يقرأ البصمة الظاهرة على حاسوبه في المزامنة › الأجهزة والمفاتيح.</translation>
    </message>
    <message>
        <source>Type it here as you hear it. Dashes and spaces do not matter.</source>
        <translation>اكتبها هنا كما تسمعها. الشرطات والمسافات لا تهم.</translation>
    </message>
    <message>
        <source>Trust this card</source>
        <translation>ثِق بهذه البطاقة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Fingerprint read over the phone:</source>
        <translation>البصمة المقروءة عبر الهاتف:</translation>
    </message>
    <message>
        <source>A fingerprint never contains %1: check what was read out.</source>
        <translation>لا تحتوي البصمة أبداً على %1: تحقّق مما قُرئ.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 من %2 محرفاً</translation>
    </message>
</context>
<context>
    <name>TypedValuesDialog</name>
    <message>
        <source>Type the right values</source>
        <translation>اكتب القيم الصحيحة</translation>
    </message>
    <message>
        <source>Type the figures as they really are (from the handover sheet, or after asking both teams). They are checked like the batch form, and sent to every laptop.</source>
        <translation>اكتب الأرقام كما هي فعلًا (من ورقة التسليم، أو بعد سؤال الفريقين). تُفحص كما في نموذج الدفعة، وتُرسل إلى كل حاسوب.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong and the last action may not have finished. The details are in %1.</source>
        <translation>حدث خطأ، وربما لم يكتمل الإجراء الأخير. التفاصيل في %1.</translation>
    </message>
    <message>
        <source>The data could not be opened. The details are in %1.</source>
        <translation>تعذّر فتح البيانات. التفاصيل في %1.</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>A status event you were typing was not saved.</source>
        <translation>لم يُحفظ حدث الحالة الذي كنت تكتبه.</translation>
    </message>
    <message>
        <source>An estimate you were typing was not saved.</source>
        <translation>لم يُحفظ التقدير الذي كنت تكتبه.</translation>
    </message>
    <message>
        <source>A batch you were typing was not saved.</source>
        <translation>لم تُحفظ الدفعة التي كنت تكتبها.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>تاريخ المغادرة</translation>
    </message>
    <message>
        <source>Batch reference</source>
        <translation>مرجع الدفعة</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>العائلات</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>النساء</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>الرجال</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>الفتيات</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>الفتيان</translation>
    </message>
    <message>
        <source>Children (sheet total)</source>
        <translation>الأطفال (إجمالي الورقة)</translation>
    </message>
    <message>
        <source>Adults (sheet total)</source>
        <translation>البالغون (إجمالي الورقة)</translation>
    </message>
    <message>
        <source>Youngest child&apos;s age</source>
        <translation>عمر أصغر طفل</translation>
    </message>
    <message>
        <source>Oldest child&apos;s age</source>
        <translation>عمر أكبر طفل</translation>
    </message>
    <message>
        <source>Unaccompanied children</source>
        <translation>أطفال غير مصحوبين</translation>
    </message>
    <message>
        <source>Separated children</source>
        <translation>أطفال منفصلون عن ذويهم</translation>
    </message>
    <message>
        <source>Girls 0–4</source>
        <translation>فتيات ٠–٤</translation>
    </message>
    <message>
        <source>Girls 5–11</source>
        <translation>فتيات ٥–١١</translation>
    </message>
    <message>
        <source>Girls 12–17</source>
        <translation>فتيات ١٢–١٧</translation>
    </message>
    <message>
        <source>Women 18–59</source>
        <translation>نساء ١٨–٥٩</translation>
    </message>
    <message>
        <source>Women 60+</source>
        <translation>نساء ٦٠ فأكثر</translation>
    </message>
    <message>
        <source>Boys 0–4</source>
        <translation>فتيان ٠–٤</translation>
    </message>
    <message>
        <source>Boys 5–11</source>
        <translation>فتيان ٥–١١</translation>
    </message>
    <message>
        <source>Boys 12–17</source>
        <translation>فتيان ١٢–١٧</translation>
    </message>
    <message>
        <source>Men 18–59</source>
        <translation>رجال ١٨–٥٩</translation>
    </message>
    <message>
        <source>Men 60+</source>
        <translation>رجال ٦٠ فأكثر</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <source>Receiving agency</source>
        <translation>الجهة المستلِمة</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>المرافقة</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Source date</source>
        <translation>تاريخ المصدر</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Total people</source>
        <translation>إجمالي الأشخاص</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Countries repatriating</source>
        <translation>البلدان التي تعيد رعاياها</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>درجة الثقة</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>at least one person</source>
        <translation>شخص واحد على الأقل</translation>
    </message>
    <message>
        <source>at least one figure</source>
        <translation>رقم واحد على الأقل</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY أو YYYY-MM أو YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>It was refused.</source>
        <translation>رُفض الطلب.</translation>
    </message>
    <message>
        <source>Read the details below; ask for help if it happens again.</source>
        <translation>اقرأ التفاصيل أدناه، واطلب المساعدة إن تكرر ذلك.</translation>
    </message>
    <message>
        <source>This data folder is not set up yet.</source>
        <translation>مجلد البيانات هذا لم يُهيَّأ بعد.</translation>
    </message>
    <message>
        <source>Set it up from the first-run window, or choose the folder that holds the data.</source>
        <translation>هيّئه من نافذة التشغيل الأول، أو اختر المجلد الذي يحوي البيانات.</translation>
    </message>
    <message>
        <source>{path} could be read by other users; now it is private.</source>
        <translation>كان بإمكان مستخدمين آخرين قراءة {path}؛ صار الآن خاصًا.</translation>
    </message>
    <message>
        <source>Nothing else to do: it is private now.</source>
        <translation>لا حاجة لفعل شيء آخر: صار خاصًا الآن.</translation>
    </message>
    <message>
        <source>{path} can be read by other users; it could not be fixed.</source>
        <translation>يمكن لمستخدمين آخرين قراءة {path}، وتعذّر إصلاح ذلك.</translation>
    </message>
    <message>
        <source>Make it private to your own account, or ask for help (details below).</source>
        <translation>اجعله خاصًا بحسابك وحده، أو اطلب المساعدة (التفاصيل أدناه).</translation>
    </message>
    <message>
        <source>The team or the operator cannot be used as given.</source>
        <translation>لا يمكن استخدام اسم الفريق أو المشغّل كما أُدخل.</translation>
    </message>
    <message>
        <source>Correct what the details below name and try again.</source>
        <translation>صحّح ما تذكره التفاصيل أدناه وحاول مجددًا.</translation>
    </message>
    <message>
        <source>The data folder given is a file, not a folder.</source>
        <translation>مجلد البيانات المُعطى ملف وليس مجلدًا.</translation>
    </message>
    <message>
        <source>Choose a folder for the data.</source>
        <translation>اختر مجلدًا للبيانات.</translation>
    </message>
    <message>
        <source>This laptop&apos;s data is real: demo records here would be counted, reported and sent to headquarters as real ones. Nothing was changed.</source>
        <translation>بيانات هذا الحاسوب حقيقية: سجلات العرض التجريبي هنا ستُحتسب وتدخل في التقارير وتُرسَل إلى المقر الرئيسي على أنها حقيقية. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>To try the tool, start it with: alhol-desk gui --demo. The demo has its own folder.</source>
        <translation>لتجربة الأداة، شغّلها بالأمر: alhol-desk gui --demo. للعرض التجريبي مجلّده الخاص.</translation>
    </message>
    <message>
        <source>The demo&apos;s folder ({path}) holds a real device&apos;s data, not the demo. Nothing was changed.</source>
        <translation>مجلّد العرض التجريبي ({path}) يحوي بيانات جهاز حقيقي، لا العرض التجريبي. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Move that folder away, or start the demo with another data folder.</source>
        <translation>انقل ذلك المجلّد إلى مكان آخر، أو شغّل العرض التجريبي مع مجلّد بيانات آخر.</translation>
    </message>
    <message>
        <source>The demo&apos;s keys cannot be replaced: every device refuses them, and new keys would let the demo&apos;s examples pass for a team&apos;s records.</source>
        <translation>لا يمكن استبدال مفاتيح العرض التجريبي: كل جهاز يرفضها، والمفاتيح الجديدة ستجعل أمثلة العرض التجريبي تمرّ على أنها سجلات فريق.</translation>
    </message>
    <message>
        <source>Nothing to do: the demo is for trying the tool only.</source>
        <translation>لا يلزم فعل شيء: العرض التجريبي لتجربة الأداة فقط.</translation>
    </message>
    <message>
        <source>This data folder is already set up.</source>
        <translation>مجلد البيانات هذا مهيّأ من قبل.</translation>
    </message>
    <message>
        <source>Open it as it is; nothing was changed.</source>
        <translation>افتحه كما هو؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>alhol-desk is already open on this data folder.</source>
        <translation>alhol-desk مفتوح من قبل على مجلد البيانات هذا.</translation>
    </message>
    <message>
        <source>Close the other window or command first: only one may change the data at a time.</source>
        <translation>أغلق النافذة أو الأمر الآخر أولًا: لا يغيّر البيانات إلا واحد في كل مرة.</translation>
    </message>
    <message>
        <source>This window may only read the data folder.</source>
        <translation>هذه النافذة تستطيع قراءة مجلد البيانات فقط.</translation>
    </message>
    <message>
        <source>Close the other alhol-desk window, then open this folder again for writing.</source>
        <translation>أغلق نافذة alhol-desk الأخرى، ثم افتح هذا المجلد مجددًا للكتابة.</translation>
    </message>
    <message>
        <source>This data was written by a newer alhol-desk.</source>
        <translation>كُتبت هذه البيانات بإصدار أحدث من alhol-desk.</translation>
    </message>
    <message>
        <source>Update alhol-desk on this laptop, then open the data again.</source>
        <translation>حدّث alhol-desk على هذا الحاسوب، ثم افتح البيانات مجددًا.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>تعذّر فتح قاعدة البيانات.</translation>
    </message>
    <message>
        <source>Check the disk, and that this user may read the data folder.</source>
        <translation>افحص القرص، وتأكّد أن هذا المستخدم يستطيع قراءة مجلد البيانات.</translation>
    </message>
    <message>
        <source>The database is damaged; nothing was written to it.</source>
        <translation>قاعدة البيانات تالفة؛ لم يُكتب فيها شيء.</translation>
    </message>
    <message>
        <source>Restore the newest good backup (the details below name it), or ask for help.</source>
        <translation>استعد أحدث نسخة احتياطية سليمة (تذكرها التفاصيل أدناه)، أو اطلب المساعدة.</translation>
    </message>
    <message>
        <source>The record was not found.</source>
        <translation>لم يُعثر على السجل.</translation>
    </message>
    <message>
        <source>It may have been deleted; refresh the list and try again.</source>
        <translation>ربما حُذف؛ حدّث القائمة وحاول مجددًا.</translation>
    </message>
    <message>
        <source>This file is not an alhol-desk backup; nothing was changed.</source>
        <translation>هذا الملف ليس نسخة احتياطية من alhol-desk؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Choose a backup file that alhol-desk wrote.</source>
        <translation>اختر ملف نسخة احتياطية كتبه alhol-desk.</translation>
    </message>
    <message>
        <source>This backup is damaged; nothing was changed.</source>
        <translation>هذه النسخة الاحتياطية تالفة؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Try an older backup.</source>
        <translation>جرّب نسخة احتياطية أقدم.</translation>
    </message>
    <message>
        <source>This backup was made by a newer alhol-desk; nothing was changed.</source>
        <translation>صُنعت هذه النسخة الاحتياطية بإصدار أحدث من alhol-desk؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Update alhol-desk first, then restore it.</source>
        <translation>حدّث alhol-desk أولًا، ثم استعدها.</translation>
    </message>
    <message>
        <source>A record in this backup breaks a rule; nothing was changed.</source>
        <translation>في هذه النسخة الاحتياطية سجل يخالف قاعدة؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Try an older backup, or ask for help.</source>
        <translation>جرّب نسخة احتياطية أقدم، أو اطلب المساعدة.</translation>
    </message>
    <message>
        <source>A file of that name is already there; a backup never overwrites a file.</source>
        <translation>يوجد ملف بهذا الاسم من قبل؛ النسخ الاحتياطي لا يكتب فوق أي ملف.</translation>
    </message>
    <message>
        <source>Choose another name or folder.</source>
        <translation>اختر اسمًا أو مجلدًا آخر.</translation>
    </message>
    <message>
        <source>The folder chosen does not exist.</source>
        <translation>المجلد المختار غير موجود.</translation>
    </message>
    <message>
        <source>Choose a folder that exists, or plug the stick in again.</source>
        <translation>اختر مجلدًا موجودًا، أو أعد وصل الذاكرة.</translation>
    </message>
    <message>
        <source>A folder was given where a file name is needed.</source>
        <translation>أُعطي مجلد حيث يلزم اسم ملف.</translation>
    </message>
    <message>
        <source>Give a file name inside the folder.</source>
        <translation>أعطِ اسم ملف داخل المجلد.</translation>
    </message>
    <message>
        <source>The period cannot be read as given.</source>
        <translation>لا يمكن قراءة الفترة كما كُتبت.</translation>
    </message>
    <message>
        <source>Write each end as a day, a month or a year (2024-05-12, 2024-05 or 2024), the first no later than the last.</source>
        <translation>اكتب كل طرف يومًا أو شهرًا أو سنة (2024-05-12 أو 2024-05 أو 2024)، على ألا يكون الأول بعد الأخير.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>تعذّرت كتابة الملف.</translation>
    </message>
    <message>
        <source>Check the folder or stick has space and try again.</source>
        <translation>تأكّد أن في المجلد أو الذاكرة مساحة كافية وحاول مجددًا.</translation>
    </message>
    <message>
        <source>The database is open in alhol-desk; nothing was changed.</source>
        <translation>قاعدة البيانات مفتوحة في alhol-desk؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Close the other window or command and try again.</source>
        <translation>أغلق النافذة أو الأمر الآخر وحاول مجددًا.</translation>
    </message>
    <message>
        <source>The backup file is not there; nothing was changed.</source>
        <translation>ملف النسخة الاحتياطية غير موجود؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Choose the backup file again.</source>
        <translation>اختر ملف النسخة الاحتياطية مجددًا.</translation>
    </message>
    <message>
        <source>This is a backup of another device; nothing was changed.</source>
        <translation>هذه نسخة احتياطية لجهاز آخر؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Restore a backup of this laptop&apos;s own data folder.</source>
        <translation>استعد نسخة احتياطية لمجلد بيانات هذا الحاسوب نفسه.</translation>
    </message>
    <message>
        <source>This form is too large to keep as a draft.</source>
        <translation>هذا النموذج أكبر من أن يُحفظ مسودة.</translation>
    </message>
    <message>
        <source>Save it instead.</source>
        <translation>احفظه بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>The draft could not be kept; the form is still open.</source>
        <translation>تعذّر حفظ المسودة؛ النموذج ما زال مفتوحًا.</translation>
    </message>
    <message>
        <source>Save the form, and check the disk has space.</source>
        <translation>احفظ النموذج، وتأكّد أن في القرص مساحة كافية.</translation>
    </message>
    <message>
        <source>The spreadsheet file is not there.</source>
        <translation>ملف جدول البيانات غير موجود.</translation>
    </message>
    <message>
        <source>Choose the file again, or plug the stick in again.</source>
        <translation>اختر الملف مرة أخرى، أو أعد توصيل الذاكرة.</translation>
    </message>
    <message>
        <source>Only CSV and Excel (XLSX) files can be imported.</source>
        <translation>لا يمكن استيراد إلا ملفات CSV وExcel (XLSX).</translation>
    </message>
    <message>
        <source>Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).</source>
        <translation>افتحه في Excel أو LibreOffice واحفظه مصنف Excel (‎.xlsx).</translation>
    </message>
    <message>
        <source>The spreadsheet cannot be read; nothing was changed.</source>
        <translation>تعذّرت قراءة جدول البيانات؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Open it in Excel or LibreOffice, save it again as .xlsx, and try again.</source>
        <translation>افتحه في Excel أو LibreOffice، واحفظه مرة أخرى بصيغة ‎.xlsx، ثم حاول مجدداً.</translation>
    </message>
    <message>
        <source>The spreadsheet&apos;s columns do not give what a batch needs.</source>
        <translation>أعمدة جدول البيانات لا تعطي ما تحتاجه الدفعة.</translation>
    </message>
    <message>
        <source>Check what each column is read as: the country, the date and the status are needed.</source>
        <translation>تحقّق مما يُقرأ عليه كل عمود: البلد والتاريخ والحالة مطلوبة.</translation>
    </message>
    <message>
        <source>Some rows break the rules, so nothing was imported.</source>
        <translation>بعض الصفوف تخالف القواعد، لذلك لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Fix them in the spreadsheet and import it again, or import the other rows.</source>
        <translation>صحّحها في جدول البيانات واستورده مرة أخرى، أو استورد الصفوف الأخرى.</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>The keys of this laptop are protected by a passphrase. Type it to sign and open sync files.</source>
        <translation>مفاتيح هذا الحاسوب محمية بعبارة مرور. اكتبها لتوقيع ملفات المزامنة وفتحها.</translation>
    </message>
    <message>
        <source>That passphrase is not right (try %1 of %2).</source>
        <translation>عبارة المرور هذه غير صحيحة (المحاولة %1 من %2).</translation>
    </message>
    <message>
        <source>Passphrase for this laptop&apos;s keys</source>
        <translation>عبارة المرور لمفاتيح هذا الحاسوب</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>All time</source>
        <translation>كل الأوقات</translation>
    </message>
    <message>
        <source>Q%1 %2 (%3–%4)</source>
        <translation>الربع %1 من %2 (%3–%4)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>من %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>حتى %1</translation>
    </message>
    <message>
        <source>dated %1 only</source>
        <translation>مؤرخة %1 فقط</translation>
    </message>
</context>
<context>
    <name>reason-words</name>
    <message>
        <source>girls + boys</source>
        <translation>الفتيات + الفتيان</translation>
    </message>
    <message>
        <source>women + men</source>
        <translation>النساء + الرجال</translation>
    </message>
    <message>
        <source>a received batch</source>
        <translation>الدفعة المستلَمة</translation>
    </message>
    <message>
        <source>a source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>a status event</source>
        <translation>حدث الحالة</translation>
    </message>
    <message>
        <source>an estimate</source>
        <translation>التقدير</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>is required</source>
        <translation>مطلوب</translation>
    </message>
    <message>
        <source>must be a whole number, not {value!r}</source>
        <translation>يجب أن يكون عدداً صحيحاً، لا {value!r}</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>يجب أن يكون نصاً</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>لا يمكن أن يكون سالباً</translation>
    </message>
    <message>
        <source>is too large (at most {limit})</source>
        <translation>كبير جداً (الحد الأقصى {limit})</translation>
    </message>
    <message>
        <source>is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY, for example 2024-05-31, 2024-05 or 2024</source>
        <translation>ليس تاريخاً؛ اكتبه بالشكل YYYY-MM-DD أو YYYY-MM أو YYYY، مثلاً 2024-05-31 أو 2024-05 أو 2024</translation>
    </message>
    <message>
        <source>is in the future ({value}); {what} cannot be dated after today</source>
        <translation>في المستقبل ({value})؛ لا يجوز أن يكون تاريخ {what} بعد اليوم</translation>
    </message>
    <message>
        <source>{value!r} is not a known ISO 3166 alpha-3 country code</source>
        <translation>{value!r} ليس رمز بلد معروفاً وفق ISO 3166 (ثلاثة أحرف)</translation>
    </message>
    <message>
        <source>{value!r} is not one of: {choices}</source>
        <translation>{value!r} ليس من بين: {choices}</translation>
    </message>
    <message>
        <source>is too long ({length} characters, at most {limit})</source>
        <translation>طويل جداً ({length} حرفاً، والحد الأقصى {limit})</translation>
    </message>
    <message>
        <source>counts no one; a batch that is not cancelled has at least one person</source>
        <translation>لا يضم أحداً؛ الدفعة غير الملغاة تضم شخصاً واحداً على الأقل</translation>
    </message>
    <message>
        <source>is {value}, but {parts} add up to {expected}</source>
        <translation>قيمته {value}، لكن مجموع {parts} يساوي {expected}</translation>
    </message>
    <message>
        <source>is {value}, but its age bands add up to {expected}</source>
        <translation>قيمته {value}، لكن مجموع فئاته العمرية يساوي {expected}</translation>
    </message>
    <message>
        <source>must be between 0 and 17 for a child</source>
        <translation>يجب أن يكون بين ٠ و١٧ للطفل</translation>
    </message>
    <message>
        <source>({min_age}) is above the oldest child&apos;s age ({max_age})</source>
        <translation>({min_age}) أكبر من عمر أكبر طفل ({max_age})</translation>
    </message>
    <message>
        <source>is given but the batch has no children</source>
        <translation>مُدخَل لكن الدفعة لا تضم أطفالاً</translation>
    </message>
    <message>
        <source>unaccompanied ({unaccompanied}) + separated ({separated}) is more than the {children} children in the batch</source>
        <translation>غير المصحوبين ({unaccompanied}) + المنفصلون ({separated}) أكثر من عدد الأطفال في الدفعة ({children})</translation>
    </message>
    <message>
        <source>({value}) is more than the {people} people in the batch</source>
        <translation>({value}) أكثر من عدد الأشخاص في الدفعة ({people})</translation>
    </message>
    <message>
        <source>is {value}, less than women + men + girls + boys ({expected})</source>
        <translation>قيمته {value}، وهي أقل من مجموع النساء + الرجال + الفتيات + الفتيان ({expected})</translation>
    </message>
    <message>
        <source>({value}) is more than the {whole} countries counted</source>
        <translation>({value}) أكثر من عدد البلدان المحسوبة ({whole})</translation>
    </message>
    <message>
        <source>gives no figure; enter at least one count</source>
        <translation>لا يتضمن أي رقم؛ أدخل عدداً واحداً على الأقل</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>يحتوي على محارف تحكّم</translation>
    </message>
    <message>
        <source>brings the people repatriated to {country} to {repatriated}, more than its latest estimate of {estimate} ({source}, {date})</source>
        <translation>يرفع عدد المُعادين إلى {country} إلى {repatriated}، وهو أكثر من آخر تقدير له ({estimate}؛ {source}، {date})</translation>
    </message>
    <message>
        <source>is empty for a received batch; say where the figures come from</source>
        <translation>فارغ في دفعة مستلَمة؛ اذكر مصدر الأرقام</translation>
    </message>
</context>
<context>
    <name>statuses</name>
    <message>
        <source>Planned</source>
        <translation>مخطَّطة</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>مؤكَّدة</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>غادرت</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>استُلمت</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Not engaged</source>
        <translation>غير منخرط</translation>
    </message>
    <message>
        <source>In talks</source>
        <translation>في مفاوضات</translation>
    </message>
    <message>
        <source>Repatriation initiated</source>
        <translation>بدأت الإعادة</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>جارية</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>متوسطة</translation>
    </message>
    <message>
        <source>High</source>
        <translation>مرتفعة</translation>
    </message>
    <message>
        <source>Field team</source>
        <translation>فريق ميداني</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>المقر الرئيسي</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The bundle was changed or damaged after it was made.</source>
        <translation>غُيّرت الحزمة أو تلفت بعد صنعها.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again, and copy the new file to the stick.</source>
        <translation>اطلب من المرسل أن يصدّرها من جديد، وانسخ الملف الجديد إلى الذاكرة.</translation>
    </message>
    <message>
        <source>The bundle comes from a device this laptop does not trust.</source>
        <translation>الحزمة آتية من جهاز لا يثق به هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Trust the sender&apos;s card first (Sync › Devices and keys), after checking its fingerprint by phone; then import the bundle again.</source>
        <translation>ثِق ببطاقة المرسل أولاً (المزامنة › الأجهزة والمفاتيح) بعد التحقق من بصمتها عبر الهاتف؛ ثم استورد الحزمة من جديد.</translation>
    </message>
    <message>
        <source>This bundle comes from the demo (alhol-desk gui --demo): its records are examples, not a team&apos;s. Nothing was imported.</source>
        <translation>هذه الحزمة من العرض التجريبي (alhol-desk gui --demo): سجلاتها أمثلة، لا سجلات فريق. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Ask the sender to export from their real data folder, not the demo&apos;s.</source>
        <translation>اطلب من المرسِل أن يصدّر من مجلّد بياناته الحقيقي، لا من مجلّد العرض التجريبي.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete: the stick may have been pulled out while the file was copied.</source>
        <translation>الملف تالف أو ناقص: ربما نُزعت الذاكرة أثناء نسخ الملف.</translation>
    </message>
    <message>
        <source>Ask for the file again, and wait until copying has finished before removing the stick.</source>
        <translation>اطلب الملف من جديد، وانتظر انتهاء النسخ قبل نزع الذاكرة.</translation>
    </message>
    <message>
        <source>The bundle was made for another device, not this laptop.</source>
        <translation>صُنعت الحزمة لجهاز آخر، لا لهذا الحاسوب.</translation>
    </message>
    <message>
        <source>Ask the sender to export again for this laptop; they must trust this laptop&apos;s card first.</source>
        <translation>اطلب من المرسل أن يصدّر من جديد لهذا الحاسوب؛ وعليه أن يثق ببطاقة هذا الحاسوب أولاً.</translation>
    </message>
    <message>
        <source>The card was made by a newer version of alhol-desk.</source>
        <translation>صُنعت البطاقة بإصدار أحدث من alhol-desk.</translation>
    </message>
    <message>
        <source>Update alhol-desk on this laptop, then try again.</source>
        <translation>حدّث alhol-desk على هذا الحاسوب، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The bundle uses sync format {theirs}, made by a newer version of alhol-desk; this laptop reads up to format {ours}. Nothing was changed.</source>
        <translation>تستخدم الحزمة صيغة المزامنة {theirs}، وقد صنعها إصدار أحدث من alhol-desk؛ يقرأ هذا الحاسوب حتى الصيغة {ours}. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Update alhol-desk on this laptop, then import the bundle again.</source>
        <translation>حدّث alhol-desk على هذا الحاسوب، ثم استورد الحزمة مرة أخرى.</translation>
    </message>
    <message>
        <source>The bundle was made by a newer version of alhol-desk.</source>
        <translation>صُنعت الحزمة بإصدار أحدث من alhol-desk.</translation>
    </message>
    <message>
        <source>This file is not an alhol-desk bundle.</source>
        <translation>هذا الملف ليس حزمة من alhol-desk.</translation>
    </message>
    <message>
        <source>Choose a .alhol file written by alhol-desk&apos;s export.</source>
        <translation>اختر ملف ‎.alhol‎ كتبه التصدير في alhol-desk.</translation>
    </message>
    <message>
        <source>The file could not be read: was the stick removed?</source>
        <translation>تعذّرت قراءة الملف: هل نُزعت الذاكرة؟</translation>
    </message>
    <message>
        <source>Plug the stick in again and retry.</source>
        <translation>صِلْ الذاكرة من جديد وأعد المحاولة.</translation>
    </message>
    <message>
        <source>The bundle claims to come from one device but is signed by another.</source>
        <translation>تدّعي الحزمة أنها من جهاز لكنها موقّعة من جهاز آخر.</translation>
    </message>
    <message>
        <source>Do not use it. Tell the data manager at headquarters where it came from.</source>
        <translation>لا تستخدمها. أخبر مدير البيانات في المقر الرئيسي من أين أتت.</translation>
    </message>
    <message>
        <source>{team}&apos;s device was revoked after bundle {after}; this later bundle was set aside and nothing from it was merged.</source>
        <translation>سُحبت الثقة من جهاز {team} بعد الحزمة {after}؛ ووُضعت هذه الحزمة اللاحقة جانباً ولم يُدمج منها شيء.</translation>
    </message>
    <message>
        <source>A data manager should check it: it is kept in the quarantine folder of the data folder.</source>
        <translation>على مدير البيانات أن يفحصها: إنها محفوظة في مجلد العزل داخل مجلد البيانات.</translation>
    </message>
    <message>
        <source>A different bundle {seq} from {team} was already imported: two bundles claim the same place. It was set aside and nothing from it was merged.</source>
        <translation>استُوردت من قبل حزمة أخرى رقمها {seq} من {team}: حزمتان تدّعيان المكان نفسه. وُضعت هذه جانباً ولم يُدمج منها شيء.</translation>
    </message>
    <message>
        <source>Ask the team&apos;s officer what happened (a copied data folder, or tampering) before anything else; the file is kept in the quarantine folder.</source>
        <translation>اسأل موظف الفريق عمّا حدث (مجلد بيانات منسوخ، أو عبث) قبل أي شيء آخر؛ الملف محفوظ في مجلد العزل.</translation>
    </message>
    <message>
        <source>The bundle&apos;s number ({seq}) is far ahead of the last one from {team} ({last}).</source>
        <translation>رقم الحزمة ({seq}) متقدم كثيراً على آخر حزمة من {team} ({last}).</translation>
    </message>
    <message>
        <source>Ask a data manager to check where this file comes from.</source>
        <translation>اطلب من مدير البيانات التحقق من مصدر هذا الملف.</translation>
    </message>
    <message>
        <source>The bundle holds changes dated in the future.</source>
        <translation>تحمل الحزمة تغييرات مؤرخة في المستقبل.</translation>
    </message>
    <message>
        <source>Check the date and time of the sending laptop, then ask for a new export.</source>
        <translation>تحقّق من تاريخ الحاسوب المرسل ووقته، ثم اطلب تصديراً جديداً.</translation>
    </message>
    <message>
        <source>A record in the bundle breaks one of the rules, so nothing was merged.</source>
        <translation>سجلّ في الحزمة يخالف إحدى القواعد، لذا لم يُدمج شيء.</translation>
    </message>
    <message>
        <source>Ask the sender to correct the record and export again; the details name the field.</source>
        <translation>اطلب من المرسل تصحيح السجل والتصدير من جديد؛ التفاصيل تسمّي الحقل.</translation>
    </message>
    <message>
        <source>The bundle&apos;s contents are not in the form alhol-desk writes.</source>
        <translation>محتوى الحزمة ليس بالشكل الذي يكتبه alhol-desk.</translation>
    </message>
    <message>
        <source>Ask the sender to update alhol-desk and export again.</source>
        <translation>اطلب من المرسل تحديث alhol-desk والتصدير من جديد.</translation>
    </message>
    <message>
        <source>The fingerprint you typed does not match this card. Nothing was trusted.</source>
        <translation>البصمة التي كتبتها لا تطابق هذه البطاقة. لم يُوثق بشيء.</translation>
    </message>
    <message>
        <source>Read the fingerprint again with the card&apos;s owner on the phone. If it still differs, the card may have been swapped on the way: do not trust it, and ask for a new card.</source>
        <translation>اقرأ البصمة من جديد مع صاحب البطاقة عبر الهاتف. إن بقيت مختلفة، فربما استُبدلت البطاقة في الطريق: لا تثق بها، واطلب بطاقة جديدة.</translation>
    </message>
    <message>
        <source>This is the demo&apos;s card: the demo signs with a key published for everyone, so no device trusts it. Nothing was trusted.</source>
        <translation>هذه بطاقة العرض التجريبي: يوقّع العرض التجريبي بمفتاح منشور للجميع، لذا لا يثق به أيّ جهاز. لم يُوثَق بشيء.</translation>
    </message>
    <message>
        <source>Ask for the card of the laptop&apos;s real data folder (Sync › Devices and keys).</source>
        <translation>اطلب بطاقة مجلّد البيانات الحقيقي لذلك الحاسوب (المزامنة › الأجهزة والمفاتيح).</translation>
    </message>
    <message>
        <source>This is this laptop&apos;s own card.</source>
        <translation>هذه بطاقة هذا الحاسوب نفسه.</translation>
    </message>
    <message>
        <source>Trust the other side&apos;s card instead.</source>
        <translation>ثِق ببطاقة الطرف الآخر بدلاً منها.</translation>
    </message>
    <message>
        <source>This device is already trusted, with a different key.</source>
        <translation>هذا الجهاز موثوق من قبل، بمفتاح مختلف.</translation>
    </message>
    <message>
        <source>If that laptop was reinstalled, revoke the old device and enrol it as a new one.</source>
        <translation>إن أُعيد تثبيت ذلك الحاسوب، فاسحب الثقة من الجهاز القديم وسجّله جهازاً جديداً.</translation>
    </message>
    <message>
        <source>This file is not a valid alhol-desk device card.</source>
        <translation>هذا الملف ليس بطاقة جهاز صالحة من alhol-desk.</translation>
    </message>
    <message>
        <source>Ask for the card again; on the other laptop: Sync › Devices and keys › Save this laptop&apos;s card.</source>
        <translation>اطلب البطاقة من جديد؛ على الحاسوب الآخر: المزامنة › الأجهزة والمفاتيح › احفظ بطاقة هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The card could not be saved there.</source>
        <translation>تعذّر حفظ البطاقة هناك.</translation>
    </message>
    <message>
        <source>Check the stick, or choose another folder.</source>
        <translation>تحقّق من الذاكرة، أو اختر مجلداً آخر.</translation>
    </message>
    <message>
        <source>No device is trusted to receive bundles yet.</source>
        <translation>لا يوجد بعد جهاز موثوق لاستلام الحزم.</translation>
    </message>
    <message>
        <source>Get the other side&apos;s card on a stick, check its fingerprint by phone, and trust it in Sync › Devices and keys.</source>
        <translation>احصل على بطاقة الطرف الآخر على ذاكرة USB، وتحقّق من بصمتها عبر الهاتف، وثِق بها في المزامنة › الأجهزة والمفاتيح.</translation>
    </message>
    <message>
        <source>The chosen folder is not there: is the stick plugged in?</source>
        <translation>المجلد المختار غير موجود: هل الذاكرة موصولة؟</translation>
    </message>
    <message>
        <source>Plug the stick in, or choose another folder.</source>
        <translation>صِلْ الذاكرة، أو اختر مجلداً آخر.</translation>
    </message>
    <message>
        <source>The bundle could not be written to the stick, so nothing was exported.</source>
        <translation>تعذّرت كتابة الحزمة على الذاكرة، فلم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>Check that the stick has free space and is not write-protected, then try again.</source>
        <translation>تحقّق من أن في الذاكرة مساحة فارغة وأنها غير محمية من الكتابة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>This laptop&apos;s keys are locked with a passphrase.</source>
        <translation>مفاتيح هذا الحاسوب مقفلة بعبارة مرور.</translation>
    </message>
    <message>
        <source>Try again and type the passphrase when asked.</source>
        <translation>أعد المحاولة واكتب عبارة المرور عند طلبها.</translation>
    </message>
    <message>
        <source>The passphrase was wrong; nothing was done.</source>
        <translation>عبارة المرور خاطئة؛ لم يُنفَّذ شيء.</translation>
    </message>
    <message>
        <source>Try again. A forgotten passphrase cannot be recovered: see docs/security.md.</source>
        <translation>أعد المحاولة. عبارة المرور المنسية لا يمكن استعادتها: انظر docs/security.md.</translation>
    </message>
    <message>
        <source>This laptop&apos;s keys are missing or damaged.</source>
        <translation>مفاتيح هذا الحاسوب مفقودة أو تالفة.</translation>
    </message>
    <message>
        <source>Restore the keys folder from a backup of this data folder.</source>
        <translation>استعد مجلد المفاتيح من نسخة احتياطية لمجلد البيانات هذا.</translation>
    </message>
    <message>
        <source>It was refused.</source>
        <translation>رُفضت.</translation>
    </message>
    <message>
        <source>Read the details below; ask the sender to export again if it persists.</source>
        <translation>اقرأ التفاصيل أدناه؛ واطلب من المرسل التصدير من جديد إن تكرر ذلك.</translation>
    </message>
    <message>
        <source>Bundles {first} to {last} from {team} have not arrived yet; nothing is lost, later bundles carry their changes.</source>
        <translation>لم تصل بعد الحزم من {first} إلى {last} من {team}؛ لم يضِع شيء، فالحزم اللاحقة تحمل تغييراتها.</translation>
    </message>
    <message>
        <source>A record deleted here ({table} {pk}) was edited on another device; it stays deleted.</source>
        <translation>سجلّ محذوف هنا ({table} {pk}) عُدِّل على جهاز آخر؛ ويبقى محذوفاً.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>استُوردت</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>جاهزة للاستيراد</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>مستوردة من قبل</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <source>Refused and set aside</source>
        <translation>مرفوضة ومعزولة</translation>
    </message>
    <message>
        <source>For another device</source>
        <translation>لجهاز آخر</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 conflicts</source>
        <translation>جديدة %1، محدَّثة %2، دون تغيير %3، تعارضات %4</translation>
    </message>
    <message>
        <source>this laptop (%1)</source>
        <translation>هذا الحاسوب (%1)</translation>
    </message>
    <message>
        <source>another device (%1)</source>
        <translation>جهاز آخر (%1)</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <source>Batch</source>
        <translation>دفعة</translation>
    </message>
    <message>
        <source>Status event</source>
        <translation>حدث حالة</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>تقدير</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>Something went wrong and the work did not finish; nothing was half-written. The details are in the log file in the data folder.</source>
        <translation>حدث خطأ ولم يكتمل العمل؛ لم يُكتب شيء ناقص. التفاصيل في ملف السجل داخل مجلد البيانات.</translation>
    </message>
</context>
</TS>
