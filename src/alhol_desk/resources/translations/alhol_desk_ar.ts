<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
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
    <name>ConflictsScreen</name>
    <message>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <source>&lt;p&gt;This screen will list every figure that two people changed differently without seeing each other&apos;s change: both values side by side, who entered each and when, and a button to keep one of them.&lt;/p&gt;&lt;p&gt;Until then, use the command line: &lt;code&gt;alhol-desk conflicts list&lt;/code&gt; and &lt;code&gt;alhol-desk conflicts resolve ID --keep local|incoming&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;ستعرض هذه الشاشة كل رقم غيّره شخصان بشكل مختلف دون أن يرى أحدهما تغيير الآخر: القيمتان جنباً إلى جنب، ومن أدخل كلاً منهما ومتى، وزرّ للإبقاء على إحداهما.&lt;/p&gt;&lt;p&gt;إلى ذلك الحين، استخدم سطر الأوامر: &lt;code&gt;alhol-desk conflicts list&lt;/code&gt; و&lt;code&gt;alhol-desk conflicts resolve ID --keep local|incoming&lt;/code&gt;.&lt;/p&gt;</translation>
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
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No records yet</source>
        <translation>لا توجد سجلات بعد</translation>
    </message>
    <message>
        <source>Enter a batch from a handover sheet, or load the sourced example records (AFP&apos;s 43,000 residents from 45 countries; Russia&apos;s 32 children) to try the tool.</source>
        <translation>أدخل دفعة من ورقة تسليم، أو حمّل السجلات التجريبية الموثّقة المصادر (٤٣٬٠٠٠ مقيم من ٤٥ بلداً بحسب وكالة فرانس برس؛ ٣٢ طفلاً أعادتهم روسيا) لتجربة الأداة.</translation>
    </message>
    <message>
        <source>New batch (Ctrl+N)</source>
        <translation>دفعة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>تحميل البيانات التجريبية</translation>
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
        <source>alhol-desk — %1</source>
        <translation>alhol-desk — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New batch…</source>
        <translation>دفعة &amp;جديدة…</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>تحميل البيانات التجريبية</translation>
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
        <source>Not yet exported: %1</source>
        <translation>لم يُصدَّر بعد: %1</translation>
    </message>
    <message>
        <source>Cannot open the batch</source>
        <translation>تعذّر فتح الدفعة</translation>
    </message>
    <message>
        <source>Demo data not loaded</source>
        <translation>لم تُحمَّل البيانات التجريبية</translation>
    </message>
    <message>
        <source>Demo records added: %1</source>
        <translation>السجلات التجريبية المضافة: %1</translation>
    </message>
    <message>
        <source>The demo records are already here.</source>
        <translation>السجلات التجريبية موجودة من قبل.</translation>
    </message>
    <message>
        <source>About alhol-desk</source>
        <translation>حول alhol-desk</translation>
    </message>
    <message>
        <source>alhol-desk %1: offline data entry and signed sync for tracking repatriations from al-Hol camp. Data folder: %2</source>
        <translation>alhol-desk %1: إدخال بيانات دون اتصال ومزامنة موقّعة لمتابعة عمليات الإعادة من مخيم الهول. مجلد البيانات: %2</translation>
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
        <source>Report saved: %1 (%2)</source>
        <translation>حُفظ التقرير: %1 (%2)</translation>
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
    <name>SyncScreen</name>
    <message>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <source>&lt;p&gt;This screen will carry your records to headquarters and back, on a USB stick:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt;: write a signed, encrypted bundle of the changes not yet sent, straight to the stick.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Import&lt;/b&gt;: check and merge the bundles that come back, and show what each one brought, or why it was refused.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Devices&lt;/b&gt;: this laptop&apos;s card and fingerprint, and the devices it trusts.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Until then, use the command line: &lt;code&gt;alhol-desk export --out FOLDER&lt;/code&gt; and &lt;code&gt;alhol-desk import FILE&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;ستنقل هذه الشاشة سجلاتك إلى المقر الرئيسي وتعيدها منه، على ذاكرة USB:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;التصدير&lt;/b&gt;: كتابة حزمة موقّعة ومشفّرة بالتغييرات التي لم تُرسل بعد، مباشرةً على الذاكرة.&lt;/li&gt;&lt;li&gt;&lt;b&gt;الاستيراد&lt;/b&gt;: فحص الحزم العائدة ودمجها، وعرض ما جاءت به كل حزمة أو سبب رفضها.&lt;/li&gt;&lt;li&gt;&lt;b&gt;الأجهزة&lt;/b&gt;: بطاقة هذا الحاسوب وبصمته، والأجهزة التي يثق بها.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;إلى ذلك الحين، استخدم سطر الأوامر: &lt;code&gt;alhol-desk export --out FOLDER&lt;/code&gt; و&lt;code&gt;alhol-desk import FILE&lt;/code&gt;.&lt;/p&gt;</translation>
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
    <name>app</name>
    <message>
        <source>Something went wrong and the last action may not have finished. The details are in %1.</source>
        <translation>حدث خطأ، وربما لم يكتمل الإجراء الأخير. التفاصيل في %1.</translation>
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
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>at least one person</source>
        <translation>شخص واحد على الأقل</translation>
    </message>
    <message>
        <source>at least one figure</source>
        <translation>رقم واحد على الأقل</translation>
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
        <source>is not a date; write it as YYYY-MM-DD, for example 2024-05-31</source>
        <translation>ليس تاريخاً؛ اكتبه بالشكل YYYY-MM-DD، مثلاً 2024-05-31</translation>
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
</TS>
