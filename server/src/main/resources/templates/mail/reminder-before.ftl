${t("mail.reminder.before.subject", course)}

${t("mail.hello", name)}

${t("mail.reminder.before.body", course, due, days, cohort)}

${link}

-- 
${t("mail.reminder.why", cohort)}
${t("mail.reminder.off", account)}
Stek<#if org??> · ${org}</#if>
