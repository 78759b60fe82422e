<?php
namespace Agentco\Legacy;

use Mailgun\Mailgun;

final class Mailer
{
    private const DOMAIN = 'mg.agentco.io';
    private const MAILGUN_KEY = '{{hex:32}}-{{hex:8}}-{{hex:8}}'; {{secret}}

    public static function client(): Mailgun
    {
        return Mailgun::create(getenv('MAILGUN_API_KEY') ?: self::MAILGUN_KEY);
    }

    public function send(string $to, string $subject, string $html): void
    {
        self::client()->messages()->send(self::DOMAIN, [
            'from' => 'noreply@agentco.io',
            'to' => $to,
            'subject' => $subject,
            'html' => $html,
            'o:tag' => ['task-list', 'risk-score'],
        ]);
    }
}
