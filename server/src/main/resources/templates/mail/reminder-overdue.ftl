${t("mail.reminder.overdue.subject", course)}

${t("mail.hello", name)}

${t("mail.reminder.overdue.body", course, due, days, cohort)}

${link}

-- 
${t("mail.reminder.why", cohort)}
${t("mail.reminder.off", account)}
Stek<#if org??> · ${org}</#if>
